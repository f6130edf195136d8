package org.creditmesh.core.status.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.VerificationKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples and test vectors of draft-ietf-oauth-status-list-20: section 4.1/4.2 (16 one-bit and 12 two-bit
 * entries) and Appendix C (2^20 entries of 1, 2, 4 and 8 bits), in {@code src/test/resources/token-status-list/}
 * (see its README). Decoding is checked byte for byte; encoding is checked after decompression, because the
 * draft only RECOMMENDS the highest compression level and DEFLATE output may differ between zlib builds.
 */
class TokenStatusListSpecExamplesTest {

    static final String[] LIST_EXAMPLES = {
        "example-1bit-16-entries", "example-2bit-12-entries",
        "appendix-c-1bit", "appendix-c-2bit", "appendix-c-4bit", "appendix-c-8bit"};

    static JsonNode example(String name) {
        try (InputStream in = TokenStatusListSpecExamplesTest.class.getResourceAsStream("/token-status-list/" + name + ".json")) {
            return Json.parse(in.readAllBytes());
        } catch (IOException | org.creditmesh.core.json.MalformedJsonException e) {
            throw new IllegalStateException(name, e);
        }
    }

    static Stream<String> listExamples() {
        return Stream.of(LIST_EXAMPLES);
    }

    /** The byte array the example's statuses describe, built independently of {@link TokenStatusList}. */
    static byte[] expectedBytes(JsonNode example) {
        int bits = example.get("bits").intValue();
        byte[] bytes = new byte[(int) ((long) example.get("entries").intValue() * bits / 8)];
        for (Map.Entry<String, JsonNode> status : example.get("statuses").properties()) {
            long bit = Long.parseLong(status.getKey()) * bits;
            bytes[(int) (bit / 8)] |= (byte) (status.getValue().intValue() << (bit % 8));
        }
        return bytes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listExamples")
    @DisplayName("Sections 4.1, 4.2 and Appendix C: the draft's lst decodes byte for byte to the listed statuses")
    void decodesTheDraftsLstToExactlyTheListedStatuses(String name) throws Exception {
        JsonNode example = example(name);
        TokenStatusList list = TokenStatusList.parse(Json.mapper().createObjectNode()
                .put("bits", example.get("bits").intValue()).put("lst", example.get("lst").textValue()));
        assertThat(list.bits()).isEqualTo(example.get("bits").intValue());
        assertThat(list.bytes()).isEqualTo(expectedBytes(example));
        assertThat(list.size()).isEqualTo(example.get("entries").longValue());
        for (Map.Entry<String, JsonNode> status : example.get("statuses").properties()) {
            assertThat(list.get(Long.parseLong(status.getKey()))).as("status[%s]", status.getKey())
                    .isEqualTo(status.getValue().intValue());
        }
        if (example.has("bytesHex")) {
            assertThat(HexFormat.of().formatHex(list.bytes())).isEqualTo(example.get("bytesHex").textValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listExamples")
    @DisplayName("Sections 4.1, 4.2 and Appendix C: a list built from the statuses encodes, at level 9 ZLIB, to data that inflates to the draft's bytes")
    void encodesTheListedStatusesToZlibThatInflatesToTheDraftsBytes(String name) throws Exception {
        JsonNode example = example(name);
        TokenStatusList list = TokenStatusList.create(example.get("entries").intValue(), example.get("bits").intValue());
        for (Map.Entry<String, JsonNode> status : example.get("statuses").properties()) {
            list = list.with(Long.parseLong(status.getKey()), status.getValue().intValue());
        }
        byte[] compressed = list.compressed();
        // RFC 1950: CMF 0x78 (deflate, 32K window), FLG 0xDA (FLEVEL 3 = maximum compression), as in the draft.
        assertThat(HexFormat.of().formatHex(compressed, 0, 2)).isEqualTo("78da");
        TokenStatusList reread = TokenStatusList.parse(list.toJson());
        assertThat(reread.bytes()).isEqualTo(expectedBytes(example));
        TokenStatusList drafts = TokenStatusList.parse(Json.mapper().createObjectNode()
                .put("bits", example.get("bits").intValue()).put("lst", example.get("lst").textValue()));
        assertThat(reread).isEqualTo(drafts);
    }

    @Test
    @DisplayName("Section 4.1: the compressed arrays printed in hex are the base64url-decoded lst of section 4.2")
    void printedCompressedArraysAreTheLstValues() {
        for (String name : new String[] {"example-1bit-16-entries", "example-2bit-12-entries"}) {
            JsonNode example = example(name);
            assertThat(HexFormat.of().formatHex(java.util.Base64.getUrlDecoder().decode(example.get("lst").textValue())))
                    .as(name).isEqualTo(example.get("compressedHex").textValue());
        }
    }

    @Test
    @DisplayName("Section 4.1, first example: index 0 is the least significant bit of byte 0, index 8 of byte 1")
    void readsIndexZeroFromTheLeastSignificantBit() throws Exception {
        TokenStatusList list = TokenStatusList.of(1, new byte[] {(byte) 0xB9, (byte) 0xA3});
        assertThat(list.get(0)).isEqualTo(1);
        assertThat(list.get(1)).isEqualTo(0);
        assertThat(list.get(7)).isEqualTo(1);
        assertThat(list.get(8)).isEqualTo(1);
        assertThat(list.get(15)).isEqualTo(1);
        assertThat(list.get(14)).isEqualTo(0);
    }

    @Test
    @DisplayName("Sections 8.2 and 5.1: the draft's example Status List Token verifies with the example key and carries its claims")
    void verifiesTheDraftsExampleStatusListToken() throws Exception {
        JsonNode example = example("example-status-list-token");
        VerificationKey key = VerificationKey.parseJwk(Json.write(example.get("publicJwk")));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(example.get("iat").longValue() + 60), ZoneOffset.UTC);
        StatusListToken token = new StatusListTokenVerifier(StatusListKeyResolver.fixed(key), clock)
                .verify(example.get("jwt").textValue(), example.get("uri").textValue());
        assertThat(token.kid()).contains("12");
        assertThat(token.issuer()).contains(example.get("iss").textValue());
        assertThat(token.subject()).isEqualTo(example.get("uri").textValue());
        assertThat(token.issuedAt().getEpochSecond()).isEqualTo(example.get("iat").longValue());
        assertThat(token.expiresAt()).contains(Instant.ofEpochSecond(example.get("exp").longValue()));
        assertThat(token.timeToLive().orElseThrow().toSeconds()).isEqualTo(example.get("ttl").longValue());
        assertThat(token.statusList().bytes()).isEqualTo(expectedBytes(example("example-1bit-16-entries")));
    }
}
