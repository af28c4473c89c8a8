-- A password that an administrator gives (a new account, a reset) is temporary: the server's login
-- stops accepting it after the unit's temporary_password_days (7 unless set), counted by the
-- server's own clock, which is the clock that checks it (the login's VALID UNTIL). A password a user
-- sets for themselves, and the first administrator's that the installer sets at server-init, do not
-- expire.

-- When a temporary password given now stops opening its login, as VALID UNTIL takes it.
CREATE OR REPLACE FUNCTION temporary_password_until() RETURNS text
    LANGUAGE sql STABLE SET search_path = lotsbok, pg_temp AS $$
    SELECT to_char((now() + make_interval(days => COALESCE(
               (SELECT CASE WHEN s.setting_value ~ '^[0-9]{1,3}$' THEN s.setting_value::integer END
                FROM unit_setting s WHERE s.setting_key = 'temporary_password_days'), 7)))
               AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00'
$$;

-- Only the end differs from migration 20's: the VALID UNTIL.
CREATE OR REPLACE FUNCTION set_password(p_username text, p_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
DECLARE
    valid_until text := 'infinity';
BEGIN
    IF p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
        RAISE EXCEPTION 'only a SCRAM-SHA-256 verifier is accepted' USING ERRCODE = '22023';
    END IF;
    IF NOT (login_name(p_username) = session_user OR has_role('ADMINISTRATOR') OR is_installer()) THEN
        RAISE EXCEPTION 'only an administrator sets another user''s password' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM app_user u WHERE u.username = p_username AND u.active) THEN
        RAISE EXCEPTION 'no active user %', p_username USING ERRCODE = '42704';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login_name(p_username)) THEN
        -- A user created in this same transaction: the login is made at commit, so make it now.
        EXECUTE format('CREATE ROLE %I LOGIN', login_name(p_username));
    END IF;
    IF login_name(p_username) <> session_user AND NOT is_installer() THEN
        valid_until := temporary_password_until();
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', login_name(p_username), p_verifier, valid_until);
END
$$;

-- Temporary passwords given before this migration, not yet replaced by the user's own (the account
-- must still change its password), expire as if they were given today.
DO $$
DECLARE
    login text;
BEGIN
    FOR login IN SELECT login_name(u.username) FROM app_user u
            WHERE u.active AND u.must_change_password
              AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login_name(u.username)) LOOP
        EXECUTE format('ALTER ROLE %I VALID UNTIL %L', login, temporary_password_until());
    END LOOP;
END
$$;
