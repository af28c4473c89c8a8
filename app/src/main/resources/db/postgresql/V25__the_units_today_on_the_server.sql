-- The unit's calendar day as the server's rules count it (which assignment is in force "today",
-- migration 20's may_write): the server's own date in Stockholm, unless the database's owner has
-- pinned it here. A pinned day is for a database that serves tests or training, where the program
-- runs on a fixed clock and the rules must agree with it about today; a unit's register never has
-- one. Only the owner writes this table: no user can move the day the rules see.
CREATE TABLE server_today (
    id    INT  NOT NULL PRIMARY KEY,
    today DATE NOT NULL,
    CONSTRAINT server_today_single CHECK (id = 1)
);
-- No grant, and a policy that lets no row through: no user reads or writes it; the function below
-- reads it as the owner.
ALTER TABLE server_today ENABLE ROW LEVEL SECURITY;
CREATE POLICY nobody ON server_today USING (false) WITH CHECK (false);

CREATE FUNCTION unit_today() RETURNS date
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
    SELECT COALESCE((SELECT t.today FROM server_today t WHERE t.id = 1),
                    (now() AT TIME ZONE 'Europe/Stockholm')::date)
$$;

CREATE OR REPLACE FUNCTION may_write(p_participant bigint) RETURNS boolean
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
              AND a.effective_date <= unit_today()
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
