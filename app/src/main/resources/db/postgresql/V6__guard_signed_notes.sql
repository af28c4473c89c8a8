-- PostgreSQL's form of migration 6 (on H2 a Java trigger, se.lotsbok.store.journal.SignedNoteGuard):
-- every change and deletion of a signed note is refused, whoever issues the SQL. The one exception
-- is gallring, which the law requires: a note may be deleted (never changed) by the transaction that
-- is carrying out gallring of its participant, which shows it by having marked the participant
-- anonymised and by holding the participant in retention_in_progress (only the owner's gallring
-- function writes there, and empties it again before it returns).
CREATE FUNCTION guard_signed_note() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (
            SELECT 1 FROM journal_note n
            JOIN participant p ON p.id = n.participant_id
            JOIN retention_in_progress r ON r.participant_id = p.id
            WHERE n.id = (to_jsonb(OLD) ->> TG_ARGV[0])::bigint AND p.anonymised_at IS NOT NULL) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'a signed journal note cannot be changed or deleted' USING ERRCODE = '45000';
END
$$;

CREATE FUNCTION refuse_truncate() RETURNS trigger
    LANGUAGE plpgsql SET search_path = lotsbok, pg_temp AS $$
BEGIN
    RAISE EXCEPTION '% cannot be emptied', TG_TABLE_NAME USING ERRCODE = '45000';
END
$$;

CREATE TRIGGER journal_note_guard BEFORE UPDATE OR DELETE ON journal_note
    FOR EACH ROW EXECUTE FUNCTION guard_signed_note('id');
CREATE TRIGGER note_partner_guard BEFORE UPDATE OR DELETE ON note_partner
    FOR EACH ROW EXECUTE FUNCTION guard_signed_note('note_id');
-- TRUNCATE fires no row trigger: it is refused as a whole.
CREATE TRIGGER journal_note_no_truncate BEFORE TRUNCATE ON journal_note
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
CREATE TRIGGER note_partner_no_truncate BEFORE TRUNCATE ON note_partner
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
