-- The register's own Ed25519 key pair. Every exported tally in JSON is signed with it, so that
-- whoever compiles the districts' figures (the city) can tell that they came unchanged from this
-- register. One row, made when the register is created (migration 18, in Java because SQL cannot
-- make a key). The private key is in the encrypted file like everything else and never leaves it.
CREATE TABLE signing_key (
    id          INT            NOT NULL PRIMARY KEY,
    algorithm   VARCHAR(20)    NOT NULL,
    public_key  VARBINARY(200) NOT NULL,
    private_key VARBINARY(200) NOT NULL,
    CONSTRAINT signing_key_single CHECK (id = 1)
);

-- Stadssamordnare: compiles the districts' signed figures; sees nothing of the register's people.
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_check
    CHECK (role IN ('NAVIGATOR', 'UNIT_HEAD', 'ADMINISTRATOR', 'CITY_COORDINATOR'));
