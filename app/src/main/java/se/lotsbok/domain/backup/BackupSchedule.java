package se.lotsbok.domain.backup;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an automatic backup is due, what its file is called, and which old ones rotation removes.
 * Backup files are named by the local time they were taken, {@code lotsbok-2026-11-25-163012.zip},
 * optionally with a word after the time ({@code …-fore-aterstallning.zip}); rotation only ever
 * touches files named so, never anything else a user put in the folder.
 */
public final class BackupSchedule {

    /** An automatic backup is due when the newest is at least this old. */
    public static final Duration INTERVAL = Duration.ofDays(1);
    /** The word in the name of the backup taken just before a restore. */
    public static final String BEFORE_RESTORE = "fore-aterstallning";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern NAME = Pattern.compile("lotsbok-(\\d{4}-\\d{2}-\\d{2}-\\d{6})(-[a-z-]+)?\\.zip");

    private BackupSchedule() {
    }

    /** The file name of a backup taken at {@code at}, with an optional word such as {@link #BEFORE_RESTORE}. */
    public static String fileName(LocalDateTime at, String word) {
        String time = at.withNano(0).format(TIME);
        return "lotsbok-" + time + (word == null || word.isEmpty() ? "" : "-" + word) + ".zip";
    }

    /** When the backup named {@code fileName} was taken, or empty when the name is not one of ours. */
    public static Optional<LocalDateTime> takenAt(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether an automatic backup is due at {@code now}, given when the newest was taken. */
    public static boolean isDue(Optional<LocalDateTime> newest, LocalDateTime now) {
        return newest.map(at -> !at.plus(INTERVAL).isAfter(now)).orElse(true);
    }

    /** The newest time among {@code fileNames} that are backups. */
    public static Optional<LocalDateTime> newest(Collection<String> fileNames) {
        return fileNames.stream().map(BackupSchedule::takenAt).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    /**
     * The backups among {@code fileNames} that rotation removes so that the {@code keep} newest
     * remain; other files are never listed, nor the backups taken just before a restore (they are the
     * only record of the register as it was, and the administrator removes them by hand).
     */
    public static List<String> toRemove(Collection<String> fileNames, int keep) {
        List<String> ours = new ArrayList<>(fileNames.stream()
                .filter(n -> takenAt(n).isPresent() && !n.endsWith("-" + BEFORE_RESTORE + ".zip")).toList());
        ours.sort(Comparator.comparing((String n) -> takenAt(n).orElseThrow()).thenComparing(Comparator.naturalOrder())
                .reversed());
        return ours.size() <= keep ? List.of() : List.copyOf(ours.subList(keep, ours.size()));
    }
}
