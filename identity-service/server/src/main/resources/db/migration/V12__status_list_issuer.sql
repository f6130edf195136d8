-- Status lists per issuer: W3C Bitstring Status List v1.0 and the IETF Token Status List expect a credential's
-- status list to be issued by the credential's issuer, so a bureau issuing under its own did:web gets its own lists.
-- 'default' is the service's own issuer (whose DID is configuration, so it is not stored); otherwise the bureau's DID.
-- Rows from before this migration were all signed by the service's issuer.

ALTER TABLE status_list ADD COLUMN issuer text NOT NULL DEFAULT 'default';
ALTER TABLE token_status_list ADD COLUMN issuer text NOT NULL DEFAULT 'default';

-- Index allocation looks up an issuer's newest list.
CREATE INDEX status_list_issuer_idx ON status_list (issuer, purpose);
CREATE INDEX token_status_list_issuer_idx ON token_status_list (issuer);
