-- A password that an administrator gives (a new account, a reset) is temporary: the server's login
-- stops accepting it after the unit's temporary_password_days (7 unless set), counted by the
-- server's own clock, which is the clock that checks it (the login's VALID UNTIL). A password a user
-- sets for themselves, and the first administrator's that the installer sets at server-init, do not
-- expire. Only the end of the function differs from migration 20's.
CREATE OR REPLACE FUNCTION set_password(p_username text, p_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
DECLARE
    days integer;
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
        SELECT CASE WHEN s.setting_value ~ '^[0-9]{1,3}$' THEN s.setting_value::integer END INTO days
            FROM unit_setting s WHERE s.setting_key = 'temporary_password_days';
        valid_until := to_char((now() + make_interval(days => COALESCE(days, 7))) AT TIME ZONE 'UTC',
            'YYYY-MM-DD HH24:MI:SS') || '+00';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', login_name(p_username), p_verifier, valid_until);
END
$$;
