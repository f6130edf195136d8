-- OpenID4VP 1.0 presentation requests of lenders. Nothing here reveals a claim value: the query names credential
-- types and claim paths; the verified result, the only place disclosed values appear, is AES-GCM encrypted under a
-- key derived from the server secret and the request id, and is deleted when the lender has retrieved it.
CREATE TABLE oid4vp_request (
    id              text PRIMARY KEY,            -- random; the lender retrieves the result by it
    lender          text NOT NULL,               -- client id of the lender that created the request
    request_ref     text NOT NULL UNIQUE,        -- random; the last segment of request_uri
    state           text NOT NULL UNIQUE,        -- random; identifies the request at the response endpoint
    nonce           text NOT NULL UNIQUE,        -- random; the KB-JWT must carry it
    dcql_query      text NOT NULL,
    request_object  text NOT NULL,               -- the signed request object served at request_uri
    redirect_uri    text,                        -- returned to the wallet after a successful response
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'verified', 'failed', 'retrieved')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,        -- after this the wallet's response is refused
    responded_at    timestamptz,
    result          bytea,                       -- AES-GCM(nonce || ciphertext) of the result; NULL once retrieved
    retrieved_at    timestamptz
);

CREATE INDEX oid4vp_request_expires_at ON oid4vp_request (expires_at);
