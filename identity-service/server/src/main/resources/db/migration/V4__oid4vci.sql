-- OpenID4VCI 1.0 pre-authorized code flow: credential offers, their access tokens, and c_nonce values.
-- Secrets (pre-authorized code, tx_code, access token, c_nonce) are kept only as hashes. The offered credential
-- (claims) is AES-GCM encrypted under a key derived from the server secret, and set to NULL once the credential
-- is issued or the offer is invalidated; expired offers are deleted.

CREATE TABLE oid4vci_offer (
    id                    text PRIMARY KEY,          -- the {offerId} of the credential_offer_uri
    configuration_id      text NOT NULL,             -- the credential_configuration_id offered
    pre_auth_code_hash    text NOT NULL UNIQUE,      -- SHA-256 (hex) of the pre-authorized code
    tx_code_hash          text,                      -- HMAC-SHA-256 (hex) of the tx_code; NULL when none is required
    tx_code_length        integer,
    tx_code_description   text,
    tx_code_failures      integer NOT NULL DEFAULT 0,
    state                 text NOT NULL CHECK (state IN ('offered', 'token_issued', 'issued', 'invalidated')),
    credential            bytea,                     -- AES-GCM(nonce || ciphertext) of the unsigned credential
    access_token_hash     text UNIQUE,               -- SHA-256 (hex) of the access token, once redeemed
    token_expires_at      timestamptz,
    credential_id         text REFERENCES issued_credential (id),
    created_by            text NOT NULL,             -- the bureau's client id
    created_at            timestamptz NOT NULL DEFAULT now(),
    expires_at            timestamptz NOT NULL,
    CHECK (state IN ('offered', 'token_issued') OR credential IS NULL)
);

CREATE INDEX oid4vci_offer_expires ON oid4vci_offer (expires_at);

CREATE TABLE oid4vci_nonce (
    nonce_hash  text PRIMARY KEY,                    -- SHA-256 (hex) of the c_nonce
    expires_at  timestamptz NOT NULL
);

CREATE INDEX oid4vci_nonce_expires ON oid4vci_nonce (expires_at);
