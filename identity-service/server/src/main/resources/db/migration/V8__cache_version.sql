-- What instances keep in memory for the verify path (trust registry, own status lists, organisations) is checked
-- against these counters: each committed change to a table bumps its counter, and every instance polls the counters
-- (creditmesh.cache.refresh-interval) and reloads what changed, so a change made through another replica is seen
-- within that interval. The bump is an UPDATE of one row, so it is ordered by commit: an instance that reads
-- version N and then reloads sees every change counted up to N.
CREATE TABLE cache_version (
    name     text PRIMARY KEY,
    version  bigint NOT NULL DEFAULT 0
);

INSERT INTO cache_version (name) VALUES ('trust'), ('status_list'), ('organisation');

CREATE FUNCTION bump_cache_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cache_version SET version = version + 1 WHERE name = TG_ARGV[0];
    RETURN NULL;
END;
$$;

CREATE TRIGGER accreditation_cache_version AFTER INSERT ON accreditation
    FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('trust');
CREATE TRIGGER accreditation_event_cache_version AFTER INSERT ON accreditation_event
    FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('trust');
CREATE TRIGGER status_list_cache_version AFTER INSERT OR UPDATE ON status_list
    FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('status_list');
CREATE TRIGGER organisation_cache_version AFTER INSERT OR UPDATE OR DELETE ON organisation
    FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_version('organisation');
