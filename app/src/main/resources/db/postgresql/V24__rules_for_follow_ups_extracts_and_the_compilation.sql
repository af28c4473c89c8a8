-- The server's rules (migration 20) for what came with migrations 15 to 23: the follow-ups after
-- discharge, the register extracts and their releases, the signing key, the outcome settings, and
-- the stadssamordnare. As in the program (AccessPolicy):
-- - a follow-up after discharge is written like any case record: by a lots for their own
--   participants (or when covering), by the enhetschef for anyone; it is read like the register;
-- - extracts are the enhetschef's: only the enhetschef reads and writes releases and what they withheld;
-- - the public key is everybody's; the private key nobody's (exports are signed by sign_export);
-- - the follow-up and outcome settings and the text of an extract's purposes are written by the
--   enhetschef as well as the administrator;
-- - the stadssamordnare compiles files the units exported and reads nothing of the register's people:
--   besides logging in, the unit's settings only.

-- ---- the stadssamordnare's login

GRANT USAGE ON SCHEMA lotsbok TO lotsbok_stadssamordnare;
GRANT EXECUTE ON FUNCTION app_user_id(), has_role(text), append_access_log(timestamptz, bigint, text, text, bigint,
        text), set_password(text, text), my_account(), login_name(text)
    TO lotsbok_stadssamordnare;
GRANT SELECT ON flyway_schema_history, unit_setting TO lotsbok_stadssamordnare;
-- As every user: their own "choose a new password" flag (policy own_password_flag).
GRANT SELECT (id, username), UPDATE (must_change_password) ON app_user TO lotsbok_stadssamordnare;

-- ---- the follow-up after discharge

GRANT SELECT, INSERT ON discharge_follow_up TO lotsbok_lots, lotsbok_enhetschef;
ALTER TABLE discharge_follow_up ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_reads ON discharge_follow_up FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);
CREATE POLICY writes_own ON discharge_follow_up FOR INSERT
    WITH CHECK (may_write(participant_id) AND recorded_by = app_user_id());

-- ---- register extracts: the enhetschef's

GRANT SELECT, INSERT ON extract_release, extract_withheld TO lotsbok_enhetschef;
ALTER TABLE extract_release ENABLE ROW LEVEL SECURITY;
ALTER TABLE extract_withheld ENABLE ROW LEVEL SECURITY;
CREATE POLICY unit_head_reads ON extract_release FOR SELECT USING ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY unit_head_releases ON extract_release FOR INSERT
    WITH CHECK ((SELECT has_role('UNIT_HEAD')) AND released_by = app_user_id());
CREATE POLICY unit_head_reads ON extract_withheld FOR SELECT USING ((SELECT has_role('UNIT_HEAD')));
CREATE POLICY unit_head_withholds ON extract_withheld FOR INSERT WITH CHECK ((SELECT has_role('UNIT_HEAD')));

-- ---- the signing key: its public half for everybody, its private half for nobody

GRANT SELECT (id, algorithm, public_key) ON signing_key TO lotsbok_lots, lotsbok_enhetschef, lotsbok_admin,
    lotsbok_stadssamordnare;
GRANT EXECUTE ON FUNCTION sign_export(bytea) TO lotsbok_enhetschef;
ALTER TABLE signing_key ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_reads ON signing_key FOR SELECT USING ((SELECT app_user_id()) IS NOT NULL);

-- ---- the unit's settings that the enhetschef writes too

GRANT INSERT, UPDATE ON unit_setting TO lotsbok_enhetschef;
CREATE POLICY unit_head_writes ON unit_setting FOR INSERT WITH CHECK ((SELECT has_role('UNIT_HEAD'))
    AND setting_key IN ('follow_up_months', 'outcome_order_occupation', 'outcome_order_housing',
        'outcome_order_substance_use', 'extract_purposes'));
CREATE POLICY unit_head_changes ON unit_setting FOR UPDATE USING ((SELECT has_role('UNIT_HEAD'))
    AND setting_key IN ('follow_up_months', 'outcome_order_occupation', 'outcome_order_housing',
        'outcome_order_substance_use', 'extract_purposes'));

-- ---- gallring of what came since

-- As RetentionRepository.anonymise on H2: the releases of extracts (which name recipients and point
-- into the notes) go before the notes; the situation codes at enrollment and discharge and the
-- follow-ups after discharge (codes and dates only) stay, for the outcome measures of past periods.
CREATE OR REPLACE FUNCTION gallra(p_participant bigint, p_birth date, p_at timestamptz) RETURNS void
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
    DELETE FROM extract_withheld w
        WHERE w.release_id IN (SELECT r.id FROM extract_release r WHERE r.participant_id = p_participant);
    DELETE FROM extract_release r WHERE r.participant_id = p_participant;
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
    UPDATE case_event SET note = '' WHERE participant_id = p_participant;
    UPDATE guardian_consent SET guardian_name = ''
        WHERE consent_id IN (SELECT c.id FROM consent c WHERE c.participant_id = p_participant);
    UPDATE goal SET description = '' WHERE participant_id = p_participant;
    DELETE FROM retention_in_progress r WHERE r.participant_id = p_participant;
END
$$;
