-- The access-token signing keys' life cycle (the keys themselves stay in the PKCS#12 keystore): when each began
-- to sign and when a newer one replaced it. A replaced key still verifies, and is published in the JWKS, until every
-- token it signed has expired (superseded_at + token lifetime + clock skew); then it is withdrawn.
CREATE TABLE oauth_token_key (
    alias          text PRIMARY KEY,               -- keystore alias, oauth-token-<n>
    kid            text NOT NULL UNIQUE,           -- RFC 7638 thumbprint of the public key
    activated_at   timestamptz NOT NULL DEFAULT now(),
    superseded_at  timestamptz,                    -- null while it signs
    withdrawn_at   timestamptz                     -- when its private key was deleted from the keystore
);
