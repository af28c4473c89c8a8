package se.lotsbok.store.user;

import static se.lotsbok.store.jooq.Tables.APP_USER;
import static se.lotsbok.store.jooq.Tables.APP_USER_ROLE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import se.lotsbok.domain.user.Role;
import se.lotsbok.domain.user.UserAccount;
import se.lotsbok.store.jooq.tables.records.AppUserRecord;

/** User accounts and their roles. Passwords are not stored here (see the key file). */
public final class UserRepository {

    private final DSLContext tx;

    public UserRepository(DSLContext tx) {
        this.tx = tx;
    }

    public List<UserAccount> list() {
        return fetch(APP_USER.ID.isNotNull());
    }

    public Optional<UserAccount> findByUsername(String username) {
        return fetch(APP_USER.USERNAME.eq(username)).stream().findFirst();
    }

    public Optional<UserAccount> find(long id) {
        return fetch(APP_USER.ID.eq(id)).stream().findFirst();
    }

    public UserAccount insert(String username, String displayName, Set<Role> roles, Long navigatorId,
            boolean mustChangePassword, Instant now) {
        AppUserRecord record = tx.newRecord(APP_USER);
        record.setUsername(username);
        record.setDisplayName(displayName);
        record.setActive(true);
        record.setNavigatorId(navigatorId);
        record.setMustChangePassword(mustChangePassword);
        record.setCreatedAt(now.atOffset(ZoneOffset.UTC));
        record.store();
        writeRoles(record.getId(), roles);
        return find(record.getId()).orElseThrow();
    }

    public UserAccount update(long id, String displayName, Set<Role> roles, Long navigatorId) {
        tx.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.NAVIGATOR_ID, navigatorId)
                .where(APP_USER.ID.eq(id))
                .execute();
        writeRoles(id, roles);
        return find(id).orElseThrow();
    }

    public void setActive(long id, boolean active) {
        tx.update(APP_USER).set(APP_USER.ACTIVE, active).where(APP_USER.ID.eq(id)).execute();
    }

    public void setMustChangePassword(long id, boolean mustChange) {
        tx.update(APP_USER).set(APP_USER.MUST_CHANGE_PASSWORD, mustChange).where(APP_USER.ID.eq(id)).execute();
    }

    /**
     * On an office server: the calling login's own account, read through the database function
     * {@code my_account} (a lots may not read the users' table). Empty when the login is no active
     * user of this register.
     */
    public Optional<UserAccount> currentOnServer() {
        return tx.resultQuery("SELECT id, username, display_name, active, navigator_id, must_change_password, roles"
                        + " FROM my_account()")
                .fetchOptional(r -> new UserAccount(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                        roles(r.get(6, String.class)), r.get(3, Boolean.class), r.get(4, Long.class),
                        r.get(5, Boolean.class)));
    }

    /**
     * On an office server: sets {@code username}'s login password. Only a SCRAM-SHA-256 verifier,
     * computed here, reaches the server; the database lets an administrator set anyone's and a user
     * their own.
     */
    public void setLoginPassword(String username, char[] password) {
        // A copy: the driver wipes the array it is given.
        tx.resultQuery("SELECT set_password({0}, {1})", DSL.val(username),
                DSL.val(org.postgresql.util.PasswordUtil.encodeScramSha256(password.clone()))).fetch();
    }

    private static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                roles.add(Role.valueOf(name));
            }
        }
        return roles;
    }

    private void writeRoles(long userId, Set<Role> roles) {
        tx.deleteFrom(APP_USER_ROLE).where(APP_USER_ROLE.USER_ID.eq(userId)).execute();
        for (Role role : roles) {
            tx.insertInto(APP_USER_ROLE, APP_USER_ROLE.USER_ID, APP_USER_ROLE.ROLE).values(userId, role.name()).execute();
        }
    }

    private List<UserAccount> fetch(Condition condition) {
        List<AppUserRecord> users = tx.selectFrom(APP_USER).where(condition).orderBy(APP_USER.USERNAME).fetch();
        Map<Long, Set<Role>> roles = tx.selectFrom(APP_USER_ROLE)
                .where(APP_USER_ROLE.USER_ID.in(users.stream().map(AppUserRecord::getId).toList()))
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.getUserId(),
                        Collectors.mapping(r -> Role.valueOf(r.getRole()),
                                Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
        return users.stream()
                .map(u -> new UserAccount(u.getId(), u.getUsername(), u.getDisplayName(),
                        roles.getOrDefault(u.getId(), Set.of()), u.getActive(), u.getNavigatorId(),
                        u.getMustChangePassword()))
                .toList();
    }
}
