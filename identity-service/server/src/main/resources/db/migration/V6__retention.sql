-- Data protection: what a bureau chose to retain, encrypted; a keyed link from a subject to its credentials so the
-- subject's data can be found and erased without the subject's DID being stored anywhere in clear.

-- Per bureau (the organisation's client id): whether the claim values of the credentials it issues are retained.
-- No row means off, the default: the service then keeps only what V1's issued_credential holds.
CREATE TABLE retention_setting (
    bureau      text PRIMARY KEY,
    retain      boolean NOT NULL,
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per (credential, subject DID): subject_ref is HMAC-SHA-256 of the DID under a key derived from the server
-- secret (a plain hash of a DID could be recomputed by anyone who knows the DID), hex.
CREATE TABLE credential_subject (
    credential_id  text NOT NULL REFERENCES issued_credential (id),
    subject_ref    text NOT NULL,
    bureau         text NOT NULL,                -- client id of the organisation that issued the credential
    erased_at      timestamptz,                  -- set when the subject's data was erased
    PRIMARY KEY (credential_id, subject_ref)
);
CREATE INDEX credential_subject_ref ON credential_subject (subject_ref);

-- The retained claim values (the credentialSubject as issued): AES-256-GCM under the retention key named by key_id,
-- a random 96-bit nonce per row, and the credential id as additional authenticated data (a ciphertext moved to
-- another row does not decrypt). Erasure deletes the row.
CREATE TABLE retained_claims (
    credential_id  text PRIMARY KEY REFERENCES issued_credential (id),
    key_id         text NOT NULL,
    nonce          bytea NOT NULL CHECK (octet_length(nonce) = 12),
    ciphertext     bytea NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Erasure drops the stored idempotent response of the subject's credentials but keeps the row (key, keyed request
-- hash, credential id), so a retry still never issues twice.
ALTER TABLE idempotency ALTER COLUMN response DROP NOT NULL;
