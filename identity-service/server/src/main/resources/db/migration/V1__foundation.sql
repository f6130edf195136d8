-- CreditMesh identity service: what the issuer must remember, and nothing more (no claim values).

CREATE TABLE status_list (
    id          text PRIMARY KEY,               -- the {listId} of /status/{listId}
    purpose     text NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
    url         text NOT NULL UNIQUE,            -- the list credential's id, as credentials reference it
    credential  text NOT NULL,                   -- the signed BitstringStatusListCredential (bits only, no personal data)
    version     bigint NOT NULL DEFAULT 1,       -- bumped on every re-signing; the HTTP ETag
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE issued_credential (
    id               text PRIMARY KEY,           -- the credential's id (a urn:uuid when the request had none)
    type             text NOT NULL,              -- the most specific type, e.g. KycCredential
    format           text NOT NULL,              -- di, jwt, sd-jwt
    issuer           text NOT NULL,
    status_list      text REFERENCES status_list (id),
    suspension_list  text REFERENCES status_list (id),
    status_index     integer,
    revoked          boolean NOT NULL DEFAULT false,
    suspended        boolean NOT NULL DEFAULT false,
    hash             text NOT NULL,              -- SHA-256 (hex) of the issued credential as returned
    valid_from       timestamptz,
    valid_until      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (status_list, status_index)
);

-- Retried POSTs with the same Idempotency-Key get the first response. The response is encrypted under a key
-- derived from the idempotency key and the request body, so this table alone reveals no claim value.
CREATE TABLE idempotency (
    key            text PRIMARY KEY,
    request_hash   text NOT NULL,                -- HMAC-SHA-256 of the request body under the server secret
    credential_id  text NOT NULL REFERENCES issued_credential (id),
    response       bytea NOT NULL,               -- AES-GCM(nonce || ciphertext) of the response body
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Append-only, hash-chained: hash = SHA-256(prev_hash | seq | at | actor | action | subject_ref | outcome).
CREATE TABLE audit_log (
    seq          bigint PRIMARY KEY,
    at           timestamptz NOT NULL,
    actor        text NOT NULL,
    action       text NOT NULL,
    subject_ref  text NOT NULL,
    outcome      text NOT NULL,
    prev_hash    text NOT NULL,
    hash         text NOT NULL UNIQUE
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
