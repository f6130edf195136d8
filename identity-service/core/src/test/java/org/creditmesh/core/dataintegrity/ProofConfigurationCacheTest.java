package org.creditmesh.core.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.RdfCanonicalizer;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;
import org.junit.jupiter.api.Test;

/**
 * The proof-configuration template cache must give exactly what full RDFC-1.0 canonicalization gives
 * (EdDSA Cryptosuites v1.0 section 3.2.5), for every {@code created}, and stay out of the way otherwise.
 */
class ProofConfigurationCacheTest {

    private static ObjectNode config(String created) throws Exception {
        ObjectNode config = Json.parseObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                 "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                 "verificationMethod": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                 "proofPurpose": "assertionMethod", "challenge": "abc \\"quoted\\" \\u00e9"}""");
        if (created != null) {
            config.put("created", created);
        }
        return config;
    }

    private static String cached(ProofConfigurationCache cache, ObjectNode config) throws DataIntegrityException {
        return cache.canonicalize(config, TermPolicy.REJECT_UNDEFINED, c -> {
            try {
                return RdfCanonicalizer.canonicalize(c);
            } catch (Exception e) {
                throw new DataIntegrityException(DataIntegrityError.INVALID_JSON_LD, "test", e);
            }
        });
    }

    @Test
    void givesExactlyTheFullCanonicalFormForAnyCreatedDate() throws Exception {
        ProofConfigurationCache cache = new ProofConfigurationCache();
        for (String created : new String[] {"2023-02-24T23:36:38Z", "1999-12-31T23:59:59.123456789Z",
                "2026-06-01T10:00:00+02:00", "2026-06-01T10:00:00-05:30", "1970-01-01T00:00:00Z"}) {
            ObjectNode config = config(created);
            assertThat(cached(cache, config)).as(created).isEqualTo(RdfCanonicalizer.canonicalize(config));
        }
        assertThat(cache.hasTemplate(config("2000-01-01T00:00:00Z"), TermPolicy.REJECT_UNDEFINED)).isTrue();
    }

    @Test
    void takesTheFullPathForUnusualDatesAndMissingCreated() throws Exception {
        ProofConfigurationCache cache = new ProofConfigurationCache();
        for (String created : new String[] {"2023-02-24T23:36:38", "2023-02-24 23:36:38Z", null}) {
            ObjectNode config = config(created);
            assertThat(cached(cache, config)).as(String.valueOf(created)).isEqualTo(RdfCanonicalizer.canonicalize(config));
        }
        assertThat(cache.hasTemplate(config("2000-01-01T00:00:00Z"), TermPolicy.REJECT_UNDEFINED)).isFalse();
    }

    @Test
    void doesNotTemplateACreatedTermThatAContextMapsToSomethingElse() throws Exception {
        ProofConfigurationCache cache = new ProofConfigurationCache();
        ObjectNode config = Json.parseObject("""
                {"@context": {"created": {"@id": "https://example.org/created", "@type": "@vocab"},
                              "type": "@type", "proofPurpose": "https://example.org/purpose"},
                 "type": "https://example.org/Proof", "proofPurpose": "x",
                 "created": "2023-02-24T23:36:38Z"}""");
        assertThat(cached(cache, config)).isEqualTo(RdfCanonicalizer.canonicalize(config));
        assertThat(cache.hasTemplate(config, TermPolicy.REJECT_UNDEFINED)).isFalse();
    }
}
