-- PostgreSQL's form of migration 9 (on H2 a Java trigger, se.lotsbok.store.report.ReportChangeTrigger):
-- records in report_change whose rows changed in a table the tallies read, in the same transaction as
-- the change, whatever code or tool made it. The participant is found in the row itself (the column
-- named by the trigger's first argument), or through its goal or consent (the second argument, when there is one).
CREATE FUNCTION report_change_participant(row_data jsonb, key text, via text) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
DECLARE
    ref bigint := (row_data ->> key)::bigint;
    found_id bigint;
BEGIN
    IF ref IS NULL OR via IS NULL THEN
        RETURN ref;
    END IF;
    IF via = 'goal' THEN
        SELECT g.participant_id INTO found_id FROM goal g WHERE g.id = ref;
    ELSE
        SELECT c.participant_id INTO found_id FROM consent c WHERE c.id = ref;
    END IF;
    -- Not found (the goal or consent went first): NULL, which means "read everything again".
    RETURN found_id;
END
$$;

CREATE FUNCTION record_report_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO report_change (participant_id, changed_at)
        VALUES (report_change_participant(to_jsonb(OLD), TG_ARGV[0], TG_ARGV[1]), CURRENT_TIMESTAMP);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD IS DISTINCT FROM NEW) THEN
        INSERT INTO report_change (participant_id, changed_at)
        VALUES (report_change_participant(to_jsonb(NEW), TG_ARGV[0], TG_ARGV[1]), CURRENT_TIMESTAMP);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER participant_report_change AFTER INSERT OR UPDATE OR DELETE ON participant
    FOR EACH ROW EXECUTE FUNCTION record_report_change('id');
CREATE TRIGGER case_event_report_change AFTER INSERT OR UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION record_report_change('participant_id');
CREATE TRIGGER assignment_report_change AFTER INSERT OR UPDATE OR DELETE ON assignment
    FOR EACH ROW EXECUTE FUNCTION record_report_change('participant_id');
CREATE TRIGGER consent_report_change AFTER INSERT OR UPDATE OR DELETE ON consent
    FOR EACH ROW EXECUTE FUNCTION record_report_change('participant_id');
CREATE TRIGGER consent_withdrawal_report_change AFTER INSERT OR UPDATE OR DELETE ON consent_withdrawal
    FOR EACH ROW EXECUTE FUNCTION record_report_change('consent_id', 'consent');
CREATE TRIGGER partner_involvement_report_change AFTER INSERT OR UPDATE OR DELETE ON partner_involvement
    FOR EACH ROW EXECUTE FUNCTION record_report_change('participant_id');
CREATE TRIGGER goal_report_change AFTER INSERT OR UPDATE OR DELETE ON goal
    FOR EACH ROW EXECUTE FUNCTION record_report_change('participant_id');
CREATE TRIGGER goal_status_report_change AFTER INSERT OR UPDATE OR DELETE ON goal_status
    FOR EACH ROW EXECUTE FUNCTION record_report_change('goal_id', 'goal');
