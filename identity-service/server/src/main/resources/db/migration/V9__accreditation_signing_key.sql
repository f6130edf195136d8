-- The accredited issuer's signing key as the on-chain IssuerRegistry names it (an address, or a key hash in an
-- address-sized slot: see ledger-anchor SigningKeyAddress), kept with the accreditation's terms so that the registry
-- mirror (creditmesh.registry.*) can put it on chain. NULL for accreditations granted before this column, or of DIDs
-- whose key the service could not derive while mirroring was off. Added, not updated: the table stays append-only.
ALTER TABLE accreditation ADD COLUMN signing_key text CHECK (signing_key ~ '^0x[0-9a-f]{40}$');
