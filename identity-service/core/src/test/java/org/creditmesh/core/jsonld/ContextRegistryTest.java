package org.creditmesh.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.apicatalog.jsonld.document.JsonDocument;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped JSON-LD contexts (VCDM 2.0 section 4.3 Contexts; JSON-LD 1.1 API section 9.4,
 * LoadDocumentCallback): a fixed, pinned set served from the jar, never fetched.
 */
class ContextRegistryTest {

    /** SHA-256 of each shipped file as published (see NOTICE.md); a change alters every signature made with it. */
    private static final Map<String, String> PINNED = Map.ofEntries(
            Map.entry("citizenship-v4rc1.jsonld", "a89b0bc00b1848ac3dfdf956c7dd5de8567e755351c07ec6a1c2b4a08b67953b"),
            Map.entry("credentials-examples-v1.jsonld", "73bebae22e70ebb4466ac2e1f3e3b35c43436217623b51ff3e1b567e1aff4ba2"),
            Map.entry("credentials-examples-v2.jsonld", "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"),
            Map.entry("credentials-undefined-terms-v2.jsonld", "82dab514ba44eb18f5d1b0f638c5e140c6a556fbfb5089601bdc0fa5eb8b2581"),
            Map.entry("credentials-v1.jsonld", "00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8"),
            Map.entry("credentials-v2.jsonld", "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f"),
            Map.entry("data-integrity-v1.jsonld", "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554"),
            Map.entry("data-integrity-v2.jsonld", "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363"),
            Map.entry("did-v1.jsonld", "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f"),
            Map.entry("ed25519-signature-2020-v1.jsonld", "b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588"),
            Map.entry("multikey-v1.jsonld", "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6"),
            Map.entry("odrl.jsonld", "a83cb98005bce546531131d4042318d8267aff71b1451f53cc926587fcef42c6"),
            Map.entry("vc-status-list-2021-v1.jsonld", "634d71c159289f068c96012e4511c657fdf82ac4231900081bda3ba24e2e1160"));

    @Test
    void knowsTheContextsVerifiersNeed() {
        assertThat(ContextRegistry.knownUrls()).contains(
                "https://www.w3.org/ns/credentials/v2",
                "https://www.w3.org/2018/credentials/v1",
                "https://w3id.org/security/data-integrity/v2",
                "https://w3id.org/security/data-integrity/v1",
                "https://w3id.org/security/multikey/v1",
                "https://w3id.org/security/suites/ed25519-2020/v1",
                "https://www.w3.org/ns/did/v1",
                "https://w3id.org/vc/status-list/2021/v1",
                "https://www.w3.org/ns/credentials/examples/v2");
    }

    @Test
    void everyShippedContextParsesOnceAndCarriesItsUrl() throws Exception {
        for (String url : ContextRegistry.knownUrls()) {
            JsonDocument document = ContextRegistry.document(url);
            assertThat(document.getJsonContent()).as(url).isPresent();
            assertThat(document.getJsonContent().get().asJsonObject()).as(url).containsKey("@context");
            assertThat(document.getDocumentUrl()).hasToString(url);
            assertThat(ContextRegistry.document(url)).as("parsed once, then shared").isSameAs(document);
        }
    }

    @Test
    void shippedContextFilesAreUnmodifiedCopies() throws Exception {
        for (Map.Entry<String, String> pinned : PINNED.entrySet()) {
            try (InputStream in = ContextRegistry.class.getResourceAsStream(
                    "/org/creditmesh/core/jsonld/contexts/" + pinned.getKey())) {
                assertThat(in).as(pinned.getKey()).isNotNull();
                String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
                assertThat(sha256).as(pinned.getKey()).isEqualTo(pinned.getValue());
            }
        }
    }

    @Test
    void refusesAnUnknownContextWithoutFetchingIt() {
        assertThat(ContextRegistry.isKnown("https://evil.example/ctx")).isFalse();
        assertThat(ContextRegistry.isKnown(null)).isFalse();
        // Near misses are different URLs: no normalization, no trailing-slash or scheme leniency.
        assertThat(ContextRegistry.isKnown("http://www.w3.org/ns/credentials/v2")).isFalse();
        assertThat(ContextRegistry.isKnown("https://www.w3.org/ns/credentials/v2/")).isFalse();
        JsonLdException e = catchThrowableOfType(JsonLdException.class,
                () -> ContextRegistry.document("https://evil.example/ctx"));
        assertThat(e.code()).isEqualTo(JsonLdError.UNKNOWN_CONTEXT);
    }
}
