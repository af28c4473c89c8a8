-- PostgreSQL's form of migration 17, which the server does not run (its binary type is H2's): the
-- register's signing key table, and the stadssamordnare as a role of its own.
--
-- The key pair is made here, in the server (migration 23), and its private half never leaves it:
-- exports are signed by a function of the database (sign_export), so no user reads private_key.
CREATE TABLE signing_key (
    id          INT         NOT NULL PRIMARY KEY,
    algorithm   VARCHAR(20) NOT NULL,
    public_key  BYTEA       NOT NULL,
    private_key BYTEA       NOT NULL,
    CONSTRAINT signing_key_single CHECK (id = 1)
);

-- Stadssamordnare: compiles the districts' signed figures; sees nothing of the register's people.
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_check
    CHECK (role IN ('NAVIGATOR', 'UNIT_HEAD', 'ADMINISTRATOR', 'CITY_COORDINATOR'));

-- Its group role: made by server-init on a new server; on a server set up before, here (the owner,
-- which runs the migrations, may create roles).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lotsbok_stadssamordnare') THEN
        CREATE ROLE lotsbok_stadssamordnare NOLOGIN;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION has_role(p_role text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
    SELECT app_user_id() IS NOT NULL AND pg_has_role(session_user, CASE p_role
        WHEN 'NAVIGATOR' THEN 'lotsbok_lots'
        WHEN 'UNIT_HEAD' THEN 'lotsbok_enhetschef'
        WHEN 'ADMINISTRATOR' THEN 'lotsbok_admin'
        WHEN 'CITY_COORDINATOR' THEN 'lotsbok_stadssamordnare' END, 'MEMBER')
$$;

CREATE OR REPLACE FUNCTION group_of(p_role text) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
    SELECT CASE p_role WHEN 'NAVIGATOR' THEN 'lotsbok_lots' WHEN 'UNIT_HEAD' THEN 'lotsbok_enhetschef'
        WHEN 'ADMINISTRATOR' THEN 'lotsbok_admin' WHEN 'CITY_COORDINATOR' THEN 'lotsbok_stadssamordnare' END
$$;
