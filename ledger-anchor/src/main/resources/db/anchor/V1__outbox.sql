-- The anchoring service's outbox (ledger-anchor), migrated by the plain Flyway API from classpath:db/anchor
-- with its own history table (anchor_schema_history), so it can share a database with a host service.
-- Only 32-byte hashes, opaque non-personal references, chain data and proofs are stored: never personal data.

-- The chain and registry this outbox anchors to; a restart configured for another one is refused while batches
-- are unfinished.
CREATE TABLE anchor_target (
    id        SMALLINT PRIMARY KEY CHECK (id = 1),
    chain_id  BIGINT   NOT NULL CHECK (chain_id > 0),
    contract  TEXT     NOT NULL CHECK (contract ~ '^0x[0-9a-f]{40}$'),
    anchorer  TEXT     NOT NULL CHECK (anchorer ~ '^0x[0-9a-f]{40}$')
);

-- One Merkle batch: OPEN (entries claimed) -> BUILT (leaves and root) -> SENT (a signed transaction exists)
-- -> MINED (receipt seen) -> CONFIRMED (k confirmations, proofs stored). REORGED: its block left the chain and
-- its entries went back to the queue. FAILED: its nonce went to a transaction that is not one of its own, or it
-- reverted; its entries went back to the queue.
CREATE TABLE anchor_batch (
    id              BIGSERIAL   PRIMARY KEY,
    state           TEXT        NOT NULL CHECK (state IN ('OPEN', 'BUILT', 'SENT', 'MINED', 'CONFIRMED', 'REORGED', 'FAILED')),
    root            BYTEA       CHECK (octet_length(root) = 32),
    leaf_count      INTEGER     CHECK (leaf_count > 0),
    meta            BYTEA       CHECK (octet_length(meta) = 32),
    nonce           BIGINT      CHECK (nonce >= 0),
    -- a REORGED batch's nonce may be taken again by the next batch (its transaction might still be in a pool)
    nonce_released  BOOLEAN     NOT NULL DEFAULT FALSE,
    tx_hash         BYTEA       CHECK (octet_length(tx_hash) = 32),
    block_number    BIGINT,
    block_hash      BYTEA       CHECK (octet_length(block_hash) = 32),
    log_index       BIGINT,
    anchored_at     TIMESTAMPTZ,
    gas_used        BIGINT,
    error_code      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX anchor_batch_unfinished ON anchor_batch (id) WHERE state IN ('OPEN', 'BUILT', 'SENT', 'MINED');

-- Every transaction signed for a batch (the first and its replacements), written before it is broadcast: after a
-- crash the batcher looks each one up on chain, or broadcasts the very same bytes again, never a new transaction.
CREATE TABLE anchor_tx (
    tx_hash       BYTEA       PRIMARY KEY CHECK (octet_length(tx_hash) = 32),
    batch_id      BIGINT      NOT NULL REFERENCES anchor_batch (id),
    nonce         BIGINT      NOT NULL CHECK (nonce >= 0),
    raw           TEXT        NOT NULL,
    fee_mode      TEXT        NOT NULL CHECK (fee_mode IN ('EIP1559', 'LEGACY')),
    max_fee       NUMERIC(78) NOT NULL,
    priority_fee  NUMERIC(78),
    gas_limit     NUMERIC(78) NOT NULL,
    signed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX anchor_tx_batch ON anchor_tx (batch_id);
CREATE INDEX anchor_tx_nonce ON anchor_tx (nonce);

-- The leaves of a batch in tree order of submission (distinct hashes), with each one's proof once confirmed.
CREATE TABLE anchor_leaf (
    batch_id    BIGINT  NOT NULL REFERENCES anchor_batch (id),
    leaf_index  INTEGER NOT NULL CHECK (leaf_index >= 0),
    hash        BYTEA   NOT NULL CHECK (octet_length(hash) = 32),
    proof       TEXT,
    PRIMARY KEY (batch_id, leaf_index)
);
CREATE INDEX anchor_leaf_hash ON anchor_leaf (hash);

-- What callers submitted: a hash of a kind with an opaque reference, once per (kind, hash). batch_id is the batch
-- currently holding it (NULL: queued).
CREATE TABLE anchor_entry (
    id            BIGSERIAL   PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('credential', 'status-list', 'accreditation', 'model', 'audit-checkpoint')),
    hash          BYTEA       NOT NULL CHECK (octet_length(hash) = 32),
    ref           TEXT        NOT NULL CHECK (ref ~ '^[A-Za-z0-9._:/-]{1,128}$'),
    submitted_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    batch_id      BIGINT      REFERENCES anchor_batch (id),
    UNIQUE (kind, hash)
);
CREATE INDEX anchor_entry_queued ON anchor_entry (id) WHERE batch_id IS NULL;
CREATE INDEX anchor_entry_hash ON anchor_entry (hash);
CREATE INDEX anchor_entry_batch ON anchor_entry (batch_id);
