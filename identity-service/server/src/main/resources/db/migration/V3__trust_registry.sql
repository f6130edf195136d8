-- The trust registry: which issuer DIDs governance admins accredited, for which credential types, when.
-- Nothing here is ever updated or deleted: an accreditation's terms are fixed when it is granted, and suspension
-- and reinstatement are appended as events, so "was D accredited for T at instant X" has one answer forever.

CREATE TABLE accreditation (
    id             text PRIMARY KEY,                     -- a UUID; the credential's id is urn:uuid:<id>
    subject_did    text NOT NULL,                        -- the accredited issuer
    types          text[] NOT NULL CHECK (cardinality(types) > 0),
    valid_from     timestamptz NOT NULL,
    valid_until    timestamptz NOT NULL,
    credential     text NOT NULL,                        -- the signed BureauAccreditationCredential (organisation data only)
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL,
    CHECK (valid_until > valid_from)
);

CREATE INDEX accreditation_subject ON accreditation (subject_did);

-- Suspension and reinstatement, each effective from an instant. Per accreditation the effective instants never go
-- back (the service refuses an event earlier than the last one), so the state at X is the kind of the last event
-- effective at or before X (active when there is none).
CREATE TABLE accreditation_event (
    seq               bigserial PRIMARY KEY,
    accreditation_id  text NOT NULL REFERENCES accreditation (id),
    kind              text NOT NULL CHECK (kind IN ('suspend', 'reinstate')),
    effective_from    timestamptz NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    actor             text NOT NULL,
    reason            text
);

CREATE INDEX accreditation_event_accreditation ON accreditation_event (accreditation_id, effective_from, seq);

CREATE FUNCTION trust_registry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the trust registry is append-only: % on %', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER accreditation_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON accreditation
    FOR EACH STATEMENT EXECUTE FUNCTION trust_registry_append_only();

CREATE TRIGGER accreditation_event_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON accreditation_event
    FOR EACH STATEMENT EXECUTE FUNCTION trust_registry_append_only();
