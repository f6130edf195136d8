-- The mirror's outbox (ledger-anchor, package mirror): changes a host's trust registry wants made to the on-chain
-- IssuerRegistry, queued in the host's own transaction and proposed (and approved) by a background worker with the
-- host's governance admin key. Only the DID's keccak256, the ABI call (hashes, a key address, times) and chain data:
-- never personal data.
--
-- A change is PENDING until this admin's proposal (or approval of an identical pending proposal) is mined, PROPOSED
-- while it waits for other admins, EXECUTED once the registry ran it; FAILED when the registry refused it for good
-- (e.g. suspending an issuer it never accredited). Changes of one DID are made strictly in order: a later one waits
-- until every earlier one is EXECUTED or FAILED.
CREATE TABLE registry_change (
    id            BIGSERIAL   PRIMARY KEY,
    ref           TEXT        NOT NULL CHECK (ref ~ '^[A-Za-z0-9._:/-]{1,128}$'),
    did_hash      BYTEA       NOT NULL CHECK (octet_length(did_hash) = 32),
    action        TEXT        NOT NULL CHECK (action IN ('accredit', 'suspend')),
    calldata      TEXT        NOT NULL CHECK (calldata ~ '^0x([0-9a-f]{2})+$'),
    not_before    TIMESTAMPTZ NOT NULL,
    state         TEXT        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'PROPOSED', 'EXECUTED', 'FAILED')),
    -- the registry's proposal count when this change was first attempted: an identical proposal at or after it that
    -- is already executed is this change's own (proposed before a crash let it be recorded)
    scan_from     BIGINT      CHECK (scan_from >= 0),
    proposal_id   BIGINT      CHECK (proposal_id >= 0),
    tx_hash       TEXT        CHECK (tx_hash ~ '^0x[0-9a-f]{64}$'),
    attempts      INTEGER     NOT NULL DEFAULT 0,
    error_code    TEXT,
    submitted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registry_change_unfinished ON registry_change (did_hash, id) WHERE state IN ('PENDING', 'PROPOSED');
CREATE INDEX registry_change_ref ON registry_change (ref, id);
