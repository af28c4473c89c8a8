-- PostgreSQL's form of migration 16 (on H2 a Java trigger): the follow-ups after discharge are
-- counted by the tallies too, so a change to them is recorded in report_change like a change to
-- the other dated rows (record_report_change, migration 9).
CREATE TRIGGER discharge_follow_up_report_change AFTER INSERT OR UPDATE OR DELETE ON discharge_follow_up
    FOR EACH ROW EXECUTE FUNCTION record_report_change('participant_id');
