-- IETF Token Status List (draft-ietf-oauth-status-list) for SD-JWT VCs: one status of 2 bits per credential
-- (0 valid, 1 invalid = revoked, 2 suspended), served as a signed Status List Token at /status-lists/{id}.

CREATE TABLE token_status_list (
    id          text PRIMARY KEY,                -- the {id} of /status-lists/{id}
    uri         text NOT NULL UNIQUE,            -- the token's sub, as credentials reference it
    bits        smallint NOT NULL CHECK (bits IN (1, 2, 4, 8)),
    list        bytea NOT NULL,                  -- the uncompressed Status List: statuses only, no personal data
    token       text NOT NULL,                   -- the signed Status List Token (JWT)
    expires_at  timestamptz NOT NULL,            -- the token's exp; it is signed again before then
    version     bigint NOT NULL DEFAULT 1,       -- bumped on every re-signing; the HTTP ETag
    updated_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE issued_credential
    ADD COLUMN token_status_list  text REFERENCES token_status_list (id),
    ADD COLUMN token_status_index integer,
    ADD CONSTRAINT issued_credential_token_status_unique UNIQUE (token_status_list, token_status_index);
