package org.creditmesh.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;
import org.junit.jupiter.api.Test;

/** JSON-LD 1.1 expansion/toRdf and RDFC-1.0 through the shipped-contexts loader, in safe and lenient mode. */
class RdfCanonicalizerTest {

    private static final String CONTEXT = """
            ["https://www.w3.org/ns/credentials/v2",
             {"@protected": true, "score": {"@id": "https://creditmesh.example/vocab#score"}}]""";

    private static ObjectNode document(String body) throws Exception {
        return Json.parseObject("{\"@context\": " + CONTEXT + ", " + body + "}");
    }

    @Test
    void aRemoteContextIsNeverLoaded() throws Exception {
        ObjectNode doc = Json.parseObject("{\"@context\": \"http://127.0.0.1:9/ctx\", \"type\": \"VerifiableCredential\"}");
        JsonLdException e = catchThrowableOfType(JsonLdException.class, () -> RdfCanonicalizer.canonicalize(doc));
        assertThat(e.code()).isEqualTo(JsonLdError.UNKNOWN_CONTEXT);
    }

    @Test
    void safeModeRejectsAPropertyNoContextDefinesWhichLenientModeDropsSilently() throws Exception {
        ObjectNode plain = document("\"id\": \"urn:uuid:1\", \"score\": 700");
        ObjectNode withExtra = document("\"id\": \"urn:uuid:1\", \"score\": 700, \"creditLimit\": 1000000");

        JsonLdException e = catchThrowableOfType(JsonLdException.class, () -> RdfCanonicalizer.canonicalize(withExtra));
        assertThat(e.code()).isEqualTo(JsonLdError.UNDEFINED_TERM);
        // The attack safe mode closes: the extra claim is not in the signed data at all.
        assertThat(RdfCanonicalizer.canonicalize(withExtra, TermPolicy.DROP_UNDEFINED))
                .isEqualTo(RdfCanonicalizer.canonicalize(plain));
    }

    @Test
    void safeModeRejectsATypeNoContextDefines() throws Exception {
        ObjectNode doc = document("\"id\": \"urn:uuid:1\", \"type\": [\"VerifiableCredential\", \"GoldBorrower\"]");
        JsonLdException e = catchThrowableOfType(JsonLdException.class, () -> RdfCanonicalizer.canonicalize(doc));
        assertThat(e.code()).isEqualTo(JsonLdError.UNDEFINED_TERM);
    }

    @Test
    void anIntegralDecimalIsAnIntegerAsInJsonLdToRdf() throws Exception {
        String integer = RdfCanonicalizer.canonicalize(document("\"id\": \"urn:uuid:1\", \"score\": 5"));
        assertThat(integer).contains("\"5\"^^<http://www.w3.org/2001/XMLSchema#integer>");
        assertThat(RdfCanonicalizer.canonicalize(document("\"id\": \"urn:uuid:1\", \"score\": 5.0"))).isEqualTo(integer);
        assertThat(RdfCanonicalizer.canonicalize(document("\"id\": \"urn:uuid:1\", \"score\": 0.5")))
                .contains("\"5.0E-1\"^^<http://www.w3.org/2001/XMLSchema#double>");
    }

    /**
     * JSON-LD 1.1 API section 7.6.2 (Object to RDF Conversion) step 10: a number whose absolute value is at
     * least 10^21 is an xsd:double. Expected lexical forms are jsonld.js 9.0.0's (the reference
     * implementation), which the JS interop test checks end to end.
     */
    @Test
    void aNegativeNumberOfMagnitudeAtLeastTenToThe21IsADoubleAsForPositiveOnes() throws Exception {
        assertThat(RdfCanonicalizer.canonicalize(document("\"id\": \"urn:uuid:1\", \"score\": -1.5e300")))
                .contains("\"-1.5E300\"^^<http://www.w3.org/2001/XMLSchema#double>");
        assertThat(RdfCanonicalizer.canonicalize(document("\"id\": \"urn:uuid:1\", \"score\": -1000000000000000000000")))
                .contains("\"-1.0E21\"^^<http://www.w3.org/2001/XMLSchema#double>");
        assertThat(RdfCanonicalizer.canonicalize(document("\"id\": \"urn:uuid:1\", \"score\": [1e21, -2e21]")))
                .contains("\"1.0E21\"^^<http://www.w3.org/2001/XMLSchema#double>")
                .contains("\"-2.0E21\"^^<http://www.w3.org/2001/XMLSchema#double>");
        assertThat(RdfCanonicalizer.canonicalize(document("\"id\": \"urn:uuid:1\", \"score\": -25")))
                .contains("\"-25\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    }

    @Test
    void theCachedContextPathGivesTheSameQuadsAsPlainTitaniumExpansion() throws Exception {
        ObjectNode doc = document("""
                "id": "urn:uuid:1", "type": ["VerifiableCredential"], "issuer": "did:example:issuer",
                "validFrom": "2026-01-01T00:00:00Z",
                "credentialSubject": {"id": "did:example:subject", "score": 712},
                "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                          "verificationMethod": "did:example:issuer#k", "proofPurpose": "assertionMethod"}""");
        // An array document takes Titanium's own expansion path (no cached active context).
        ArrayNode wrapped = Json.mapper().createArrayNode().add(doc);
        String cached = RdfCanonicalizer.canonicalize(doc);
        assertThat(RdfCanonicalizer.canonicalize(doc)).isEqualTo(cached);
        assertThat(RdfCanonicalizer.canonicalize(wrapped)).isEqualTo(cached);
        assertThat(cached).contains("_:c14n").contains("<https://creditmesh.example/vocab#score> \"712\"");
    }

    @Test
    void theSharedContextCachesGiveTheSameResultUnderConcurrency() throws Exception {
        List<ObjectNode> documents = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ObjectNode doc = document("\"id\": \"urn:uuid:" + i + "\", \"type\": \"VerifiableCredential\", "
                    + "\"credentialSubject\": {\"id\": \"did:example:" + i + "\", \"score\": " + (500 + i) + "}");
            documents.add(doc);
            expected.add(RdfCanonicalizer.canonicalize(Json.mapper().createArrayNode().add(doc)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 200; round++) {
                int i = round % documents.size();
                results.add(pool.submit(() -> RdfCanonicalizer.canonicalize(documents.get(i)).equals(expected.get(i))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesNonDocuments() throws Exception {
        JsonNode text = Json.parse("\"just a string\"");
        assertThat(catchThrowableOfType(JsonLdException.class, () -> RdfCanonicalizer.canonicalize(text)).code())
                .isEqualTo(JsonLdError.INVALID_JSON_LD);
        ObjectNode badKeyword = Json.parseObject("{\"@context\": {\"@version\": 2.0}, \"@id\": \"urn:x\"}");
        assertThat(catchThrowableOfType(JsonLdException.class, () -> RdfCanonicalizer.canonicalize(badKeyword)).code())
                .isIn(JsonLdError.INVALID_CONTEXT, JsonLdError.INVALID_JSON_LD);
    }
}
