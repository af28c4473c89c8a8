-- PostgreSQL's form of migration 18 (on H2 a Java migration): the register's Ed25519 key pair, made
-- here in the server when the register is set up (or upgraded to this version), and kept here.
-- Exports are signed by sign_export below, so the private key is read by no user and never leaves
-- the database; the public key, which every export carries, is readable by every user.
--
-- Ed25519 as RFC 8032 defines it, in exact numeric arithmetic: the field of p = 2^255 - 19, points in
-- extended coordinates (X, Y, Z, T), the base point B of order L. Keys and signatures are bytes as
-- the JDK's Ed25519 reads and writes them (ServerRulesTest checks both against the JDK).

-- The integer of little-endian bytes, and the 32 little-endian bytes of an integer below 2^256.
CREATE FUNCTION ed25519_from_le(p_bytes bytea) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
DECLARE
    n numeric := 0;
BEGIN
    FOR i IN REVERSE length(p_bytes) - 1 .. 0 LOOP
        n := n * 256 + get_byte(p_bytes, i);
    END LOOP;
    RETURN n;
END
$$;

CREATE FUNCTION ed25519_to_le(p_n numeric) RETURNS bytea
    LANGUAGE plpgsql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
DECLARE
    n numeric := p_n;
    b bytea := decode(repeat('00', 32), 'hex');
BEGIN
    FOR i IN 0 .. 31 LOOP
        b := set_byte(b, i, mod(n, 256)::integer);
        n := div(n, 256);
    END LOOP;
    RETURN b;
END
$$;

-- a + b on the curve -x^2 + y^2 = 1 + d x^2 y^2 (add-2008-hwcd-3, a formula that also doubles).
CREATE FUNCTION ed25519_add(a numeric[], b numeric[]) RETURNS numeric[]
    LANGUAGE plpgsql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
DECLARE
    p constant numeric := 57896044618658097711785492504343953926634992332820282019728792003956564819949;
    d2 constant numeric := 16295367250680780974490674513165176452449235426866156013048779062215315747161;
    aa numeric := mod((a[2] - a[1]) * (b[2] - b[1]), p);
    bb numeric := mod((a[2] + a[1]) * (b[2] + b[1]), p);
    cc numeric := mod(mod(a[4] * d2, p) * b[4], p);
    dd numeric := mod(2 * a[3] * b[3], p);
    e numeric := bb - aa;
    f numeric := dd - cc;
    g numeric := dd + cc;
    h numeric := bb + aa;
BEGIN
    RETURN ARRAY[mod(e * f, p), mod(g * h, p), mod(f * g, p), mod(e * h, p)];
END
$$;

-- p_scalar times B, encoded: y in 32 little-endian bytes, the lowest bit of x in the top bit.
CREATE FUNCTION ed25519_base_times(p_scalar numeric) RETURNS bytea
    LANGUAGE plpgsql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
DECLARE
    p constant numeric := 57896044618658097711785492504343953926634992332820282019728792003956564819949;
    base_x constant numeric := 15112221349535400772501151409588531511454012693041857206046113283949847762202;
    base_y constant numeric := 46316835694926478169428394003475163141307993866256225615783033603165251855960;
    s numeric := p_scalar;
    q numeric[] := ARRAY[base_x, base_y, 1, mod(base_x * base_y, p)];
    r numeric[] := ARRAY[0, 1, 1, 0];
    e numeric := p - 2;
    z numeric;
    inverse numeric := 1;
    x numeric;
    y numeric;
    encoded bytea;
BEGIN
    WHILE s > 0 LOOP
        IF mod(s, 2) = 1 THEN
            r := ed25519_add(r, q);
        END IF;
        q := ed25519_add(q, q);
        s := div(s, 2);
    END LOOP;
    -- 1/Z = Z^(p - 2)
    z := mod(mod(r[3], p) + p, p);
    WHILE e > 0 LOOP
        IF mod(e, 2) = 1 THEN
            inverse := mod(inverse * z, p);
        END IF;
        z := mod(z * z, p);
        e := div(e, 2);
    END LOOP;
    x := mod(mod(r[1] * inverse, p) + p, p);
    y := mod(mod(r[2] * inverse, p) + p, p);
    encoded := ed25519_to_le(y);
    RETURN set_byte(encoded, 31, get_byte(encoded, 31) | (mod(x, 2)::integer << 7));
END
$$;

-- The secret scalar of a 32-byte private key: the lower half of SHA-512(key), clamped.
CREATE FUNCTION ed25519_scalar(p_private bytea) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
DECLARE
    h bytea := substring(sha512(p_private) FROM 1 FOR 32);
BEGIN
    h := set_byte(h, 0, get_byte(h, 0) & 248);
    h := set_byte(h, 31, (get_byte(h, 31) & 127) | 64);
    RETURN ed25519_from_le(h);
END
$$;

-- The 32-byte public key of a 32-byte private key.
CREATE FUNCTION ed25519_public(p_private bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
    SELECT ed25519_base_times(ed25519_scalar(p_private))
$$;

-- The 64-byte signature of p_message: R = rB with r from the key's upper hash half and the message,
-- S = r + H(R, A, message) * a (mod L).
CREATE FUNCTION ed25519_sign(p_private bytea, p_message bytea) RETURNS bytea
    LANGUAGE plpgsql IMMUTABLE SET search_path = lotsbok, pg_temp AS $$
DECLARE
    order_l constant numeric := 7237005577332262213973186563042994240857116359379907606001950938285454250989;
    a numeric := ed25519_scalar(p_private);
    public_key bytea := ed25519_base_times(a);
    r numeric := mod(ed25519_from_le(sha512(substring(sha512(p_private) FROM 33 FOR 32) || p_message)), order_l);
    big_r bytea := ed25519_base_times(r);
    k numeric := mod(ed25519_from_le(sha512(big_r || public_key || p_message)), order_l);
BEGIN
    RETURN big_r || ed25519_to_le(mod(r + k * a, order_l));
END
$$;

-- A new key for the register: 32 random bytes, hashed from three random UUIDs (366 random bits from
-- the server's strong random source; PostgreSQL 13 and later have gen_random_uuid without an
-- extension). Stored as the JDK encodes Ed25519 keys: X.509 for the public key, PKCS #8 for the
-- private one. Run here once; executable by the owner alone (no grant), like every function here.
CREATE FUNCTION make_signing_key() RETURNS void
    LANGUAGE plpgsql SET search_path = lotsbok, pg_temp AS $$
DECLARE
    private_key bytea := substring(sha512(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
        || uuid_send(gen_random_uuid())) FROM 1 FOR 32);
BEGIN
    INSERT INTO signing_key (id, algorithm, public_key, private_key)
    VALUES (1, 'Ed25519', decode('302a300506032b6570032100', 'hex') || ed25519_public(private_key),
        decode('302e020100300506032b657004220420', 'hex') || private_key);
END
$$;

SELECT make_signing_key();

-- Signs an export with the register's key, for the enhetschef, who exports; answers the signature.
CREATE FUNCTION sign_export(p_message bytea) RETURNS bytea
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = lotsbok, pg_temp AS $$
BEGIN
    IF NOT (has_role('UNIT_HEAD') OR is_installer()) THEN
        RAISE EXCEPTION 'only the enhetschef signs the register''s exports' USING ERRCODE = '42501';
    END IF;
    RETURN (SELECT ed25519_sign(substring(k.private_key FROM 17 FOR 32), p_message) FROM signing_key k WHERE k.id = 1);
END
$$;
