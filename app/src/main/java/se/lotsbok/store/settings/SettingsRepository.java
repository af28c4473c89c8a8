package se.lotsbok.store.settings;

import static se.lotsbok.store.jooq.Tables.UNIT_SETTING;

import java.util.Map;
import org.jooq.DSLContext;
import se.lotsbok.domain.access.AccessEvent;
import se.lotsbok.domain.backup.BackupSettings;
import se.lotsbok.domain.report.OutcomeOrder;
import se.lotsbok.domain.report.OutcomeSettings;
import se.lotsbok.domain.user.Actor;
import se.lotsbok.domain.participant.AgeBand;
import se.lotsbok.domain.settings.SecuritySettings;
import se.lotsbok.domain.settings.UnitSettings;
import se.lotsbok.store.access.AccessLogRepository;

/** The unit's settings, stored as key/value rows. */
public final class SettingsRepository {

    private static final String UNIT_NAME = "unit_name";
    private static final String CASELOAD_CAP = "caseload_cap";
    private static final String YOUTH_MIN = "youth_min_age";
    private static final String YOUTH_MAX = "youth_max_age";
    private static final String YOUNG_ADULTS_MIN = "young_adults_min_age";
    private static final String YOUNG_ADULTS_MAX = "young_adults_max_age";
    private static final String BACKUP_FOLDER = "backup_folder";
    private static final String BACKUP_KEEP = "backup_keep";
    private static final String EXTRACT_PURPOSES = "extract_purposes";
    private static final String FOLLOW_UP_MONTHS = "follow_up_months";
    private static final String ORDER_OCCUPATION = "outcome_order_occupation";
    private static final String ORDER_HOUSING = "outcome_order_housing";
    private static final String ORDER_SUBSTANCE_USE = "outcome_order_substance_use";
    private static final String IDLE_LOCK_MINUTES = "idle_lock_minutes";
    private static final String TEMPORARY_PASSWORD_DAYS = "temporary_password_days";
    private static final String COMPACTED_BYTES = "compacted_bytes";

    private final DSLContext tx;
    private final AccessLogRepository log;

    public SettingsRepository(DSLContext tx, AccessLogRepository log) {
        this.tx = tx;
        this.log = log;
    }

    public UnitSettings load() {
        Map<String, String> values = tx.selectFrom(UNIT_SETTING)
                .fetchMap(UNIT_SETTING.SETTING_KEY, UNIT_SETTING.SETTING_VALUE);
        UnitSettings d = UnitSettings.DEFAULTS;
        return new UnitSettings(
                values.getOrDefault(UNIT_NAME, d.unitName()),
                number(values, CASELOAD_CAP, d.caseloadCap()),
                new AgeBand(number(values, YOUTH_MIN, d.youthBand().minAge()),
                        number(values, YOUTH_MAX, d.youthBand().maxAge())),
                new AgeBand(number(values, YOUNG_ADULTS_MIN, d.youngAdultsBand().minAge()),
                        number(values, YOUNG_ADULTS_MAX, d.youngAdultsBand().maxAge())));
    }

    public void save(Actor actor, UnitSettings settings) {
        put(UNIT_NAME, settings.unitName());
        put(CASELOAD_CAP, Integer.toString(settings.caseloadCap()));
        put(YOUTH_MIN, Integer.toString(settings.youthBand().minAge()));
        put(YOUTH_MAX, Integer.toString(settings.youthBand().maxAge()));
        put(YOUNG_ADULTS_MIN, Integer.toString(settings.youngAdultsBand().minAge()));
        put(YOUNG_ADULTS_MAX, Integer.toString(settings.youngAdultsBand().maxAge()));
        log.append(actor, AccessEvent.SETTINGS_CHANGED, null, "");
    }

    public BackupSettings loadBackup() {
        Map<String, String> values = tx.selectFrom(UNIT_SETTING)
                .where(UNIT_SETTING.SETTING_KEY.in(BACKUP_FOLDER, BACKUP_KEEP))
                .fetchMap(UNIT_SETTING.SETTING_KEY, UNIT_SETTING.SETTING_VALUE);
        BackupSettings d = BackupSettings.DEFAULTS;
        return new BackupSettings(values.getOrDefault(BACKUP_FOLDER, d.folder()), number(values, BACKUP_KEEP, d.keep()));
    }

    public void saveBackup(Actor actor, BackupSettings settings) {
        put(BACKUP_FOLDER, settings.folder());
        put(BACKUP_KEEP, Integer.toString(settings.keep()));
        log.append(actor, AccessEvent.SETTINGS_CHANGED, null, "backups");
    }

    /** The purposes and recipients the unit states in a register extract; empty until the unit writes its own. */
    public java.util.Optional<String> extractPurposes() {
        return tx.select(UNIT_SETTING.SETTING_VALUE).from(UNIT_SETTING)
                .where(UNIT_SETTING.SETTING_KEY.eq(EXTRACT_PURPOSES))
                .fetchOptional(UNIT_SETTING.SETTING_VALUE);
    }

    public void saveExtractPurposes(Actor actor, String text) {
        put(EXTRACT_PURPOSES, text);
        log.append(actor, AccessEvent.SETTINGS_CHANGED, null, "extract purposes");
    }

    /** The follow-up and outcome settings; a missing or unreadable value counts as its default. */
    public OutcomeSettings loadOutcome() {
        Map<String, String> values = tx.selectFrom(UNIT_SETTING)
                .where(UNIT_SETTING.SETTING_KEY.in(FOLLOW_UP_MONTHS, ORDER_OCCUPATION, ORDER_HOUSING, ORDER_SUBSTANCE_USE))
                .fetchMap(UNIT_SETTING.SETTING_KEY, UNIT_SETTING.SETTING_VALUE);
        OutcomeSettings d = OutcomeSettings.DEFAULTS;
        int months = number(values, FOLLOW_UP_MONTHS, d.followUpMonths());
        if (months < OutcomeSettings.MIN_FOLLOW_UP_MONTHS || months > OutcomeSettings.MAX_FOLLOW_UP_MONTHS) {
            months = d.followUpMonths();
        }
        return new OutcomeSettings(months, new OutcomeOrder(
                OutcomeOrder.occupation(values.get(ORDER_OCCUPATION)).orElse(d.order().occupation()),
                OutcomeOrder.housing(values.get(ORDER_HOUSING)).orElse(d.order().housing()),
                OutcomeOrder.substanceUse(values.get(ORDER_SUBSTANCE_USE)).orElse(d.order().substanceUse())));
    }

    public void saveOutcome(Actor actor, OutcomeSettings settings) {
        put(FOLLOW_UP_MONTHS, Integer.toString(settings.followUpMonths()));
        put(ORDER_OCCUPATION, settings.order().occupationText());
        put(ORDER_HOUSING, settings.order().housingText());
        put(ORDER_SUBSTANCE_USE, settings.order().substanceUseText());
        log.append(actor, AccessEvent.SETTINGS_CHANGED, null, "outcomes");
    }

    public SecuritySettings loadSecurity() {
        Map<String, String> values = tx.selectFrom(UNIT_SETTING)
                .where(UNIT_SETTING.SETTING_KEY.in(IDLE_LOCK_MINUTES, TEMPORARY_PASSWORD_DAYS))
                .fetchMap(UNIT_SETTING.SETTING_KEY, UNIT_SETTING.SETTING_VALUE);
        SecuritySettings d = SecuritySettings.DEFAULTS;
        return new SecuritySettings(number(values, IDLE_LOCK_MINUTES, d.idleLockMinutes()),
                number(values, TEMPORARY_PASSWORD_DAYS, d.temporaryPasswordDays()));
    }

    public void saveSecurity(Actor actor, SecuritySettings settings) {
        put(IDLE_LOCK_MINUTES, Integer.toString(settings.idleLockMinutes()));
        put(TEMPORARY_PASSWORD_DAYS, Integer.toString(settings.temporaryPasswordDays()));
        log.append(actor, AccessEvent.SETTINGS_CHANGED, null, "security");
    }

    /** The size of the file right after it was last compacted, or 0 if it never was. */
    public long compactedBytes() {
        return tx.select(UNIT_SETTING.SETTING_VALUE).from(UNIT_SETTING).where(UNIT_SETTING.SETTING_KEY.eq(COMPACTED_BYTES))
                .fetchOptional(UNIT_SETTING.SETTING_VALUE).map(Long::parseLong).orElse(0L);
    }

    public void saveCompactedBytes(long bytes) {
        put(COMPACTED_BYTES, Long.toString(bytes));
    }

    private void put(String key, String value) {
        tx.mergeInto(UNIT_SETTING)
                .using(tx.selectOne())
                .on(UNIT_SETTING.SETTING_KEY.eq(key))
                .whenMatchedThenUpdate().set(UNIT_SETTING.SETTING_VALUE, value)
                .whenNotMatchedThenInsert(UNIT_SETTING.SETTING_KEY, UNIT_SETTING.SETTING_VALUE)
                .values(key, value)
                .execute();
    }

    private static int number(Map<String, String> values, String key, int fallback) {
        String value = values.get(key);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
