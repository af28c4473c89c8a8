-- The office server's rules, PostgreSQL only. Everything here is owned by lotsbok_owner, a role
-- nobody logs in as; the users are logins that belong to the group roles lotsbok_lots,
-- lotsbok_enhetschef and lotsbok_admin (created by server-init before the migrations run). The
-- database itself enforces what the program enforces: grants say which tables a group may read or
-- write, row-level security which rows, triggers the users do not own keep signed notes, and the
-- access log is written only through a function that computes the hash chain here.
--
-- A new table in a later migration gets its grants and policies in a PostgreSQL migration of its own
-- (db/postgresql); ServerRulesTest fails for a table without row-level security.

-- ---- who is calling

-- The login of a Lotsbok user in this database: user names are told apart by the database's name,
-- since logins are shared by every database of a server.
CREATE FUNCTION login_name(p_username text) RETURNS text
    LANGUAGE sql STABLE SET search_path = lotsbok, pg_temp AS $$
    SELECT p_username || '@' || current_database()
$$;

-- The calling Lotsbok user's id, or NULL when the login is no active user of this register.
CREATE FUNCTION app_user_id() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
    SELECT u.id FROM app_user u WHERE u.active AND u.username || '@' || current_database() = session_user
$$;

-- Whether the caller holds a Lotsbok role (NAVIGATOR, UNIT_HEAD, ADMINISTRATOR) in this register.
-- The group roles are granted and revoked only by the owner's triggers below, from app_user_role.
CREATE FUNCTION has_role(p_role text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
    SELECT app_user_id() IS NOT NULL AND pg_has_role(session_user, CASE p_role
        WHEN 'NAVIGATOR' THEN 'lotsbok_lots'
        WHEN 'UNIT_HEAD' THEN 'lotsbok_enhetschef'
        WHEN 'ADMINISTRATOR' THEN 'lotsbok_admin' END, 'MEMBER')
$$;

-- The set-up and the move to a server run as a member of the owner role, never as a Lotsbok user.
CREATE FUNCTION is_installer() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = lotsbok, pg_temp AS $$
    SELECT pg_has_role(session_user, 'lotsbok_owner', 'MEMBER')
$$;

-- What a lots may write for a participant, as the program decides it (AccessPolicy): the enhetschef
-- for anyone; a lots for their own participants (the participant's navigator today is the lots'
-- navigator record) or after choosing to cover for a colleague, which is logged and lasts until the
-- lots logs in again.
CREATE FUNCTION may_write(p_participant bigint) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
DECLARE
    me bigint := app_user_id();
    mine bigint;
    last_login bigint;
BEGIN
    IF me IS NULL OR p_participant IS NULL THEN
        RETURN false;
    END IF;
    IF has_role('UNIT_HEAD') THEN
        RETURN true;
    END IF;
    IF NOT has_role('NAVIGATOR') THEN
        RETURN false;
    END IF;
    SELECT u.navigator_id INTO mine FROM app_user u WHERE u.id = me;
    IF mine IS NOT NULL AND mine = (
            SELECT a.navigator_id FROM assignment a
            WHERE a.participant_id = p_participant
              AND a.effective_date <= (now() AT TIME ZONE 'Europe/Stockholm')::date
            ORDER BY a.effective_date DESC, a.id DESC LIMIT 1) THEN
        RETURN true;
    END IF;
    SELECT l.seq INTO last_login FROM access_log l WHERE l.user_id = me AND l.event = 'LOGIN'
        ORDER BY l.seq DESC LIMIT 1;
    RETURN EXISTS (SELECT 1 FROM access_log c
        WHERE c.user_id = me AND c.participant_id = p_participant AND c.event = 'COVER_FOR_COLLEAGUE'
          AND c.seq > COALESCE(last_login, 0));
END
$$;

-- ---- the access log, written only here

-- Java's String.length(): UTF-16 code units, so that an emoji counts two as in AccessLogChain.
CREATE FUNCTION utf16_length(p text) RETURNS integer
    LANGUAGE sql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
    SELECT length(p) + (SELECT count(*)::integer FROM regexp_matches(p, '[\U00010000-\U0010FFFF]', 'g'))
$$;

-- The hash of a row, exactly as se.lotsbok.domain.access.AccessLogChain.hash computes it: the time as
-- Java's Instant prints it (UTC, seconds always, then 3 or 6 fraction digits when not zero), free text
-- length-prefixed, SHA-256 over UTF-8, lower-case hex.
CREATE FUNCTION chain_hash(p_seq bigint, p_at timestamptz, p_user_id bigint, p_username text, p_event text,
        p_participant_id bigint, p_detail text, p_previous text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
DECLARE
    utc timestamp := p_at AT TIME ZONE 'UTC';
    micros bigint := extract(microseconds FROM utc)::bigint % 1000000;
    fraction text := CASE WHEN micros = 0 THEN ''
        WHEN micros % 1000 = 0 THEN '.' || lpad((micros / 1000)::text, 3, '0')
        ELSE '.' || lpad(micros::text, 6, '0') END;
BEGIN
    RETURN encode(sha256(convert_to(p_seq || '|' || to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS') || fraction || 'Z'
        || '|' || COALESCE(p_user_id::text, '-')
        || '|' || utf16_length(p_username) || ':' || p_username
        || '|' || p_event
        || '|' || COALESCE(p_participant_id::text, '-')
        || '|' || utf16_length(p_detail) || ':' || p_detail
        || '|' || p_previous, 'UTF8')), 'hex');
END
$$;

-- Appends a row in the caller's own name: locks the head, chains the row, moves the head. The time is
-- the program's (its one clock); the user and user name must be the caller's.
CREATE FUNCTION append_access_log(p_at timestamptz, p_user_id bigint, p_username text, p_event text,
        p_participant_id bigint, p_detail text)
    RETURNS TABLE (seq bigint, previous_hash text, hash text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
#variable_conflict use_column
DECLARE
    me bigint := app_user_id();
    stored timestamptz := date_trunc('microseconds', p_at);
    head_count bigint;
    head_hash text;
    next_hash text;
BEGIN
    IF me IS NULL THEN
        IF NOT is_installer() THEN
            RAISE EXCEPTION 'only a user of this register writes its access log' USING ERRCODE = '42501';
        END IF;
    ELSIF p_user_id IS DISTINCT FROM me
            OR p_username IS DISTINCT FROM (SELECT u.username FROM app_user u WHERE u.id = me) THEN
        RAISE EXCEPTION 'the access log is written in the caller''s own name only' USING ERRCODE = '42501';
    END IF;
    SELECT h.entry_count, h.last_hash INTO head_count, head_hash FROM access_log_head h WHERE h.id = 1 FOR UPDATE;
    next_hash := chain_hash(head_count + 1, stored, p_user_id, p_username, p_event, p_participant_id, p_detail,
        head_hash);
    INSERT INTO access_log (seq, at, user_id, username, event, participant_id, detail, previous_hash, hash)
    VALUES (head_count + 1, stored, p_user_id, p_username, p_event, p_participant_id, p_detail, head_hash, next_hash);
    UPDATE access_log_head SET entry_count = head_count + 1, last_hash = next_hash WHERE id = 1;
    RETURN QUERY SELECT head_count + 1, head_hash::text, next_hash;
END
$$;

-- Checks the chain here, as AccessLogChain.verify does against the head row: the first problem, or
-- the number of rows when intact. For the enhetschef and the administrator.
CREATE FUNCTION verify_access_log() RETURNS TABLE (entries bigint, broken_seq bigint, problem text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
DECLARE
    r record;
    previous text := repeat('0', 64);
    expected bigint := 1;
    head_count bigint;
    head_hash text;
BEGIN
    IF NOT (has_role('UNIT_HEAD') OR has_role('ADMINISTRATOR') OR is_installer()) THEN
        RAISE EXCEPTION 'only the enhetschef and the administrator check the access log' USING ERRCODE = '42501';
    END IF;
    FOR r IN SELECT * FROM access_log l ORDER BY l.seq LOOP
        IF r.seq > expected THEN
            RETURN QUERY SELECT NULL::bigint, expected, 'REMOVED';
            RETURN;
        END IF;
        IF r.seq < expected OR r.previous_hash::text <> previous THEN
            RETURN QUERY SELECT NULL::bigint, r.seq, 'INSERTED';
            RETURN;
        END IF;
        IF chain_hash(r.seq, r.at, r.user_id, r.username, r.event, r.participant_id, r.detail, r.previous_hash::text)
                <> r.hash::text THEN
            RETURN QUERY SELECT NULL::bigint, r.seq, 'CHANGED';
            RETURN;
        END IF;
        previous := r.hash::text;
        expected := expected + 1;
    END LOOP;
    SELECT h.entry_count, h.last_hash::text INTO head_count, head_hash FROM access_log_head h WHERE h.id = 1;
    IF head_count > expected - 1 THEN
        RETURN QUERY SELECT NULL::bigint, expected, 'REMOVED_AT_END';
    ELSIF head_count < expected - 1 THEN
        RETURN QUERY SELECT NULL::bigint, head_count + 1, 'HEAD_MISMATCH';
    ELSIF head_hash <> previous THEN
        RETURN QUERY SELECT NULL::bigint, GREATEST(1, head_count), 'HEAD_MISMATCH';
    ELSE
        RETURN QUERY SELECT expected - 1, NULL::bigint, NULL::text;
    END IF;
END
$$;

CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER access_log_head_no_truncate BEFORE TRUNCATE ON access_log_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();

-- ---- users are logins

-- Each Lotsbok user is a login; the administrator manages them by writing app_user and
-- app_user_role, and these triggers, running with the owner's rights, check that the caller is an
-- administrator and make the logins and group memberships follow.
CREATE FUNCTION group_of(p_role text) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
    SELECT CASE p_role WHEN 'NAVIGATOR' THEN 'lotsbok_lots' WHEN 'UNIT_HEAD' THEN 'lotsbok_enhetschef'
        WHEN 'ADMINISTRATOR' THEN 'lotsbok_admin' END
$$;

CREATE FUNCTION check_user_manager() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
BEGIN
    IF NOT (has_role('ADMINISTRATOR') OR is_installer()) THEN
        RAISE EXCEPTION 'only an administrator manages users' USING ERRCODE = '42501';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF TG_TABLE_NAME = 'app_user' AND TG_OP = 'UPDATE' THEN
        IF NEW.username IS DISTINCT FROM OLD.username THEN
            RAISE EXCEPTION 'a user name is never changed' USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

-- Logins and memberships change when the transaction commits, so that an administrator who rewrites
-- their own roles (all deleted, then written again) is still an administrator while doing it.
CREATE FUNCTION sync_login() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
DECLARE
    login text := login_name(NEW.username);
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
            EXECUTE format('ALTER ROLE %I LOGIN', login);
        ELSE
            -- No password yet: the administrator sets one (set_password) in the same action.
            EXECUTE format('CREATE ROLE %I LOGIN', login);
        END IF;
    ELSIF NEW.active IS DISTINCT FROM OLD.active THEN
        EXECUTE format('ALTER ROLE %I %s', login, CASE WHEN NEW.active THEN 'LOGIN' ELSE 'NOLOGIN' END);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION sync_group() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
DECLARE
    changed app_user_role;
    login text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := OLD;
    ELSE
        changed := NEW;
    END IF;
    login := login_name((SELECT u.username FROM app_user u WHERE u.id = changed.user_id));
    IF login IS NULL THEN
        -- The user's row went in the same transaction (a move to the server replaces every user).
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = changed.user_id AND r.role = changed.role) THEN
            EXECUTE format('REVOKE %I FROM %I', group_of(changed.role), login);
        END IF;
    ELSIF EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = changed.user_id AND r.role = changed.role) THEN
        EXECUTE format('GRANT %I TO %I', group_of(changed.role), login);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER app_user_manager BEFORE INSERT OR UPDATE OF username, display_name, active, navigator_id
    ON app_user FOR EACH ROW EXECUTE FUNCTION check_user_manager();
CREATE TRIGGER app_user_role_manager BEFORE INSERT OR UPDATE OR DELETE ON app_user_role
    FOR EACH ROW EXECUTE FUNCTION check_user_manager();
CREATE CONSTRAINT TRIGGER app_user_login AFTER INSERT OR UPDATE ON app_user
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sync_login();
CREATE CONSTRAINT TRIGGER app_user_role_group AFTER INSERT OR DELETE ON app_user_role
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sync_group();

-- Sets a login's password from a SCRAM-SHA-256 verifier computed by the program, so that no password
-- crosses the network or reaches the server's log. The administrator sets anyone's (a new user, a
-- reset); a user their own.
CREATE FUNCTION set_password(p_username text, p_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
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
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login_name(p_username), p_verifier);
END
$$;

-- The caller's own account with its roles: what the program needs at login, without reading the
-- users' table (which a lots may not).
CREATE FUNCTION my_account() RETURNS TABLE (id bigint, username text, display_name text, active boolean,
        navigator_id bigint, must_change_password boolean, roles text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
    SELECT u.id, u.username, u.display_name, u.active, u.navigator_id, u.must_change_password,
        COALESCE((SELECT string_agg(r.role, ',' ORDER BY r.role) FROM app_user_role r WHERE r.user_id = u.id), '')
    FROM app_user u WHERE u.id = app_user_id()
$$;

-- ---- gallring, with the owner's rights

-- Deletes a participant's personal data as RetentionRepository.anonymise does on H2, leaving the
-- anonymous residue. Only an enhetschef, and only for a closed case not marked to be kept; the
-- program applies the retention period. The one way a signed note is ever deleted on a server.
CREATE FUNCTION gallra(p_participant bigint, p_birth date, p_at timestamptz) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
DECLARE
    me bigint := app_user_id();
    last_status text;
BEGIN
    IF NOT (has_role('UNIT_HEAD') OR is_installer()) THEN
        RAISE EXCEPTION 'only the enhetschef carries out gallring' USING ERRCODE = '42501';
    END IF;
    SELECT e.status INTO last_status FROM case_event e
        WHERE e.participant_id = p_participant AND e.status IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM case_event a WHERE a.annuls = e.id)
        ORDER BY e.effective_date DESC, e.id DESC LIMIT 1;
    IF last_status IS NULL OR last_status NOT IN ('DISCHARGED', 'CONTACTED_NOT_ENROLLED') THEN
        RAISE EXCEPTION 'the case of participant % is not closed', p_participant USING ERRCODE = '42501';
    END IF;
    IF EXISTS (SELECT 1 FROM retention_hold h WHERE h.participant_id = p_participant) THEN
        RAISE EXCEPTION 'the case of participant % is marked to be kept', p_participant USING ERRCODE = '42501';
    END IF;
    INSERT INTO retention_in_progress (participant_id) VALUES (p_participant);
    UPDATE participant SET first_name = '', last_name = '', identity_number = NULL, birth_date = p_birth,
            phone = '', address = '', comment = '', anonymised_at = p_at, version = version + 1,
            updated_at = p_at, updated_by = COALESCE(me, updated_by)
        WHERE id = p_participant AND anonymised_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'participant % is not there or already anonymised', p_participant;
    END IF;
    INSERT INTO meeting_residue (participant_id, meeting_date, meeting_type)
        SELECT n.participant_id, CAST(n.meeting_at AS date), n.meeting_type FROM journal_note n
        WHERE n.participant_id = p_participant AND n.amends IS NULL;
    DELETE FROM follow_up f WHERE f.participant_id = p_participant
        OR f.note_id IN (SELECT n.id FROM journal_note n WHERE n.participant_id = p_participant);
    DELETE FROM note_word w WHERE w.participant_id = p_participant;
    DELETE FROM note_partner p WHERE p.note_id IN (SELECT n.id FROM journal_note n WHERE n.participant_id = p_participant);
    -- A correction points to the note it corrects: the notes no other note points to go first.
    LOOP
        DELETE FROM journal_note n WHERE n.participant_id = p_participant
            AND NOT EXISTS (SELECT 1 FROM journal_note o WHERE o.amends = n.id);
        EXIT WHEN NOT FOUND;
    END LOOP;
    DELETE FROM note_draft d WHERE d.participant_id = p_participant;
    UPDATE case_event SET note = '', occupation = NULL, housing = NULL, substance_use = NULL
        WHERE participant_id = p_participant;
    UPDATE guardian_consent SET guardian_name = ''
        WHERE consent_id IN (SELECT c.id FROM consent c WHERE c.participant_id = p_participant);
    UPDATE goal SET description = '' WHERE participant_id = p_participant;
    DELETE FROM retention_in_progress r WHERE r.participant_id = p_participant;
END
$$;

-- ---- grants: which tables each group may read and write

REVOKE ALL ON ALL TABLES IN SCHEMA lotsbok FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA lotsbok FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA lotsbok REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
GRANT USAGE ON SCHEMA lotsbok TO lotsbok_lots, lotsbok_enhetschef, lotsbok_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA lotsbok TO lotsbok_lots, lotsbok_enhetschef, lotsbok_admin;
GRANT EXECUTE ON FUNCTION app_user_id(), has_role(text), may_write(bigint), append_access_log(timestamptz, bigint,
        text, text, bigint, text), verify_access_log(), set_password(text, text), my_account(), login_name(text),
        gallra(bigint, date, timestamptz)
    TO lotsbok_lots, lotsbok_enhetschef, lotsbok_admin;

-- Everybody: the schema's version, the unit's settings and the navigators.
GRANT SELECT ON flyway_schema_history, unit_setting, retention_setting, navigator, navigator_activity
    TO lotsbok_lots, lotsbok_enhetschef, lotsbok_admin;
-- The users' table: a lots sees user names only (who signed a note), and may clear the flag that
-- asks them for a new password (their own row only, below).
GRANT SELECT (id, username), UPDATE (must_change_password) ON app_user TO lotsbok_lots, lotsbok_enhetschef;
GRANT SELECT ON app_user, app_user_role TO lotsbok_enhetschef;
GRANT SELECT, INSERT, UPDATE ON app_user TO lotsbok_admin;
GRANT SELECT, INSERT, DELETE ON app_user_role TO lotsbok_admin;
-- The unit's register, read by every lots (by design) and the enhetschef.
GRANT SELECT ON participant, case_event, consent, consent_partner, guardian_consent, consent_withdrawal,
        partner_involvement, goal, goal_status, assignment, journal_note, note_partner, note_word, follow_up,
        meeting_residue, retention_hold, report_change
    TO lotsbok_lots, lotsbok_enhetschef;
-- Case records: a lots for their own participants (row-level security below), the enhetschef for all.
GRANT INSERT ON consent, consent_partner, guardian_consent, consent_withdrawal, partner_involvement, goal,
        goal_status, assignment, journal_note, note_partner, note_word, follow_up
    TO lotsbok_lots, lotsbok_enhetschef;
GRANT UPDATE ON participant, partner_involvement, goal, follow_up TO lotsbok_lots, lotsbok_enhetschef;
GRANT SELECT, INSERT, UPDATE, DELETE ON note_draft TO lotsbok_lots, lotsbok_enhetschef;
GRANT SELECT, DELETE ON report_change TO lotsbok_admin;
GRANT DELETE ON report_change TO lotsbok_lots, lotsbok_enhetschef;
-- The enhetschef alone: new participants, the case path, navigators, reports, the access log, kept cases.
GRANT INSERT ON participant, case_event, navigator_activity TO lotsbok_enhetschef;
GRANT INSERT, UPDATE ON navigator TO lotsbok_enhetschef;
GRANT SELECT, INSERT ON tally_export TO lotsbok_enhetschef;
GRANT SELECT ON access_log, access_log_head TO lotsbok_enhetschef;
-- A participant's form shows who opened the record: a lots reads those rows of the log, and no other.
GRANT SELECT ON access_log TO lotsbok_lots;
GRANT INSERT, UPDATE, DELETE ON retention_hold TO lotsbok_enhetschef;
GRANT UPDATE ON retention_setting TO lotsbok_enhetschef, lotsbok_admin;
-- The administrator: the unit's settings.
GRANT INSERT, UPDATE ON unit_setting TO lotsbok_admin;
-- Nobody but the owner: access_log and access_log_head are written by append_access_log only,
-- retention_in_progress and meeting_residue by gallra only; no UPDATE, DELETE or TRUNCATE of the log.

-- ---- row-level security: which rows

ALTER TABLE unit_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE navigator ENABLE ROW LEVEL SECURITY;
ALTER TABLE navigator_activity ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user_role ENABLE ROW LEVEL SECURITY;
ALTER TABLE participant ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent_partner ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardian_consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent_withdrawal ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_involvement ENABLE ROW LEVEL SECURITY;
ALTER TABLE goal ENABLE ROW LEVEL SECURITY;
ALTER TABLE goal_status ENABLE ROW LEVEL SECURITY;
ALTER TABLE assignment ENABLE ROW LEVEL SECURITY;
ALTER TABLE journal_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE note_partner ENABLE ROW LEVEL SECURITY;
ALTER TABLE note_word ENABLE ROW LEVEL SECURITY;
ALTER TABLE note_draft ENABLE ROW LEVEL SECURITY;
ALTER TABLE follow_up ENABLE ROW LEVEL SECURITY;
ALTER TABLE tally_export ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE meeting_residue ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_hold ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_in_progress ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log_head ENABLE ROW LEVEL SECURITY;

-- Reading: any active user of this register, as far as the grants above let them (the scalar
-- sub-query is evaluated once per statement, not once per row).
CREATE POLICY user_reads ON unit_setting FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON retention_setting FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON navigator FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON navigator_activity FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON app_user FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON app_user_role FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON participant FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON case_event FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON consent FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON consent_partner FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON guardian_consent FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON consent_withdrawal FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON partner_involvement FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON goal FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON goal_status FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON assignment FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON journal_note FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON note_partner FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON note_word FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON follow_up FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON tally_export FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON report_change FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON meeting_residue FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON retention_hold FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY unit_head_reads ON access_log FOR SELECT USING ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY openings_read ON access_log FOR SELECT
    USING (event = 'PARTICIPANT_OPENED' AND (SELECT app_user_id()) IS NOT NULL);
CREATE POLICY user_reads ON access_log_head FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);

-- Writing case records: the enhetschef for anyone, a lots for their own participants or when covering.
CREATE POLICY writes_own ON participant FOR UPDATE USING (may_write(id)) WITH CHECK (may_write(id));
CREATE POLICY unit_head_adds ON participant FOR INSERT WITH CHECK ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY unit_head_moves ON case_event FOR INSERT WITH CHECK ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY writes_own ON consent FOR INSERT WITH CHECK (may_write(participant_id));
CREATE POLICY writes_own ON consent_partner FOR INSERT
    WITH CHECK (may_write((SELECT c.participant_id FROM consent c WHERE c.id = consent_id)));
CREATE POLICY writes_own ON guardian_consent FOR INSERT
    WITH CHECK (may_write((SELECT c.participant_id FROM consent c WHERE c.id = consent_id)));
CREATE POLICY writes_own ON consent_withdrawal FOR INSERT
    WITH CHECK (may_write((SELECT c.participant_id FROM consent c WHERE c.id = consent_id)));
CREATE POLICY writes_own ON partner_involvement FOR INSERT WITH CHECK (may_write(participant_id));
CREATE POLICY changes_own ON partner_involvement FOR UPDATE
    USING (may_write(participant_id)) WITH CHECK (may_write(participant_id));
CREATE POLICY writes_own ON goal FOR INSERT WITH CHECK (may_write(participant_id));
CREATE POLICY changes_own ON goal FOR UPDATE USING (may_write(participant_id)) WITH CHECK (may_write(participant_id));
CREATE POLICY writes_own ON goal_status FOR INSERT
    WITH CHECK (may_write((SELECT g.participant_id FROM goal g WHERE g.id = goal_id)));
CREATE POLICY writes_own ON assignment FOR INSERT WITH CHECK (may_write(participant_id));
CREATE POLICY writes_own ON journal_note FOR INSERT WITH CHECK (may_write(participant_id) AND signed_by = app_user_id());
CREATE POLICY writes_own ON note_partner FOR INSERT
    WITH CHECK (may_write((SELECT n.participant_id FROM journal_note n WHERE n.id = note_id)));
CREATE POLICY writes_own ON note_word FOR INSERT WITH CHECK (may_write(participant_id));
CREATE POLICY writes_own ON follow_up FOR INSERT WITH CHECK (may_write(participant_id));
CREATE POLICY changes_own ON follow_up FOR UPDATE USING (may_write(participant_id)) WITH CHECK (may_write(participant_id));
-- A draft is its author's alone.
CREATE POLICY own_drafts ON note_draft FOR ALL
    USING (author_id = (SELECT app_user_id())) WITH CHECK (author_id = (SELECT app_user_id()) AND may_write(participant_id));
CREATE POLICY user_prunes ON report_change FOR DELETE USING ((SELECT app_user_id()) IS NOT NULL);

-- The enhetschef's own tables.
CREATE POLICY unit_head_writes ON navigator FOR INSERT WITH CHECK ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY unit_head_changes ON navigator FOR UPDATE USING ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY unit_head_writes ON navigator_activity FOR INSERT WITH CHECK ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY unit_head_writes ON tally_export FOR INSERT WITH CHECK ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY unit_head_keeps ON retention_hold FOR ALL USING ((SELECT has_role('UNIT_HEAD')))
    WITH CHECK ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY settings_change ON retention_setting FOR UPDATE
    USING ((SELECT has_role('UNIT_HEAD') OR has_role('ADMINISTRATOR')));

-- The administrator's: the unit's settings and the users.
CREATE POLICY admin_writes ON unit_setting FOR INSERT WITH CHECK ((SELECT has_role('ADMINISTRATOR')));
CREATE POLICY admin_changes ON unit_setting FOR UPDATE USING ((SELECT has_role('ADMINISTRATOR')));
CREATE POLICY admin_writes ON app_user FOR INSERT WITH CHECK ((SELECT has_role('ADMINISTRATOR')));
CREATE POLICY admin_changes ON app_user FOR UPDATE USING ((SELECT has_role('ADMINISTRATOR')));
-- A user clears their own "choose a new password" flag, and never sets it.
CREATE POLICY own_password_flag ON app_user FOR UPDATE USING (id = (SELECT app_user_id()))
    WITH CHECK (id = (SELECT app_user_id()) AND NOT must_change_password);
CREATE POLICY admin_writes ON app_user_role FOR INSERT WITH CHECK ((SELECT has_role('ADMINISTRATOR')));
CREATE POLICY admin_deletes ON app_user_role FOR DELETE USING ((SELECT has_role('ADMINISTRATOR')));
