-- Nonces a lender's presentations were bound to, once used: a presentation replayed with its nonce is refused.
-- Only a SHA-256 of the nonce is kept (it carries nothing about the borrower either way).
create table used_nonce (
    lender_client_id text        not null,
    nonce_sha256     text        not null,
    used_at          timestamptz not null default now(),
    primary key (lender_client_id, nonce_sha256)
);
