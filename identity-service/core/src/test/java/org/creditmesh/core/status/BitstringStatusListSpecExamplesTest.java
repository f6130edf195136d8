package org.creditmesh.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The examples of W3C Bitstring Status List v1.0 (files in {@code src/test/resources/bitstring/}, see its
 * README for example numbers and sections).
 */
class BitstringStatusListSpecExamplesTest {

    private static final String SPEC_ENCODED_LIST = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    static JsonNode example(String name) throws Exception {
        try (InputStream in = BitstringStatusListSpecExamplesTest.class.getResourceAsStream("/bitstring/" + name + ".json")) {
            return Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("Section 2.2, Example 3: the encodedList decodes to 131,072 unset statuses (16 KB of zero bits)")
    void decodesTheEncodedListOfExample3ToSixteenKilobytesOfZeroBits() throws Exception {
        JsonNode example = example("example-3-status-list-credential");
        String encoded = example.get("credentialSubject").get("encodedList").asText();
        assertThat(encoded).isEqualTo(SPEC_ENCODED_LIST);
        BitstringStatusList list = BitstringStatusList.decode(encoded);
        assertThat(list.sizeInBits()).isEqualTo(131_072);
        assertThat(list.bytes()).containsOnly((byte) 0);
        assertThat(list).isEqualTo(BitstringStatusList.create());
    }

    @Test
    @DisplayName("Section 2.2, Example 3: a conforming BitstringStatusListCredential with purpose revocation")
    void readsTheStatusListCredentialOfExample3() throws Exception {
        BitstringStatusListCredential list = BitstringStatusListCredential.from(
                example("example-3-status-list-credential"), new DataModelValidator());
        assertThat(list.statusPurposes()).containsExactly("revocation");
        assertThat(list.credential().id()).contains("https://example.com/credentials/status/3");
    }

    @Test
    @DisplayName("Section 2.1, Example 1: a revocation and a suspension entry, indexes as base-10 strings")
    void readsTheEntriesOfExample1() throws Exception {
        Credential credential = Credential.from(example("example-1-status-purposes-entries"));
        BitstringStatusListEntry revocation = BitstringStatusListEntry.parse(credential.credentialStatus().get(0));
        BitstringStatusListEntry suspension = BitstringStatusListEntry.parse(credential.credentialStatus().get(1));
        assertThat(revocation).isEqualTo(BitstringStatusListEntry.of("https://example.com/credentials/status/3#94567",
                "revocation", 94567, "https://example.com/credentials/status/3"));
        assertThat(suspension.statusPurpose()).isEqualTo("suspension");
        assertThat(suspension.statusListIndex()).isEqualTo(23452);
        assertThat(Json.write(revocation.toJson())).isEqualTo(Json.write(credential.credentialStatus().get(0)));
    }

    @Test
    @DisplayName("Appendix Examples 4 and 5: the revocable credential checks as valid against its status list, and as revoked once its bit is set")
    void checksTheRevocableCredentialOfExample4AgainstTheListOfExample5() throws Exception {
        Credential credential = Credential.from(example("example-4-revocable-credential"));
        JsonNode listJson = example("example-5-status-list-credential");
        BitstringStatusChecker checker = new BitstringStatusChecker(url -> Json.write(listJson),
                (url, fetched) -> Json.parse(fetched), new DataModelValidator(), NOW);
        assertThat(checker.check(credential)).singleElement().satisfies(r -> {
            assertThat(r.valid()).isTrue();
            assertThat(r.state()).isEqualTo(StatusCheckResult.State.OK);
            assertThat(r.message()).contains("unset");
        });

        BitstringStatusList revoked = BitstringStatusList.decode(SPEC_ENCODED_LIST).with(94567, true);
        ((com.fasterxml.jackson.databind.node.ObjectNode) listJson.get("credentialSubject")).put("encodedList", revoked.encode());
        StatusCheckResult result = checker.check(credential).get(0);
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.state()).isEqualTo(StatusCheckResult.State.REVOKED);
    }
}
