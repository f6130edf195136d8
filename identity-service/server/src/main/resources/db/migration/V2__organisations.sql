-- Organisations that call the service with OAuth2 client credentials, and which bureau owns which credential.

CREATE TABLE organisation (
    client_id          text PRIMARY KEY CHECK (client_id ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role               text NOT NULL CHECK (role IN ('bureau', 'lender', 'regulator', 'admin')),
    issuer_did         text,                       -- bureaus: the DID they issue as (absent: the service's issuer DID)
    secret_hash        text NOT NULL,              -- pbkdf2-sha256$<iterations>$<salt>$<hash>; never the secret itself
    created_at         timestamptz NOT NULL DEFAULT now(),
    secret_rotated_at  timestamptz,
    disabled_at        timestamptz                 -- set: the organisation gets no more tokens
);

-- The client id of the bureau that issued the credential; only it may change the credential's status.
-- No foreign key: rows issued before organisations existed have none, and organisations are disabled, never deleted.
ALTER TABLE issued_credential ADD COLUMN owner text;
CREATE INDEX issued_credential_owner ON issued_credential (owner);
