package org.creditmesh.core.status.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * One-off generator of the {@code tsl-*.json} negative cases in {@code src/test/resources/negative/}. The committed
 * files are what the corpus runs; this documents how they were made and remakes them on demand:
 * {@code -Dtest=TokenStatusNegativeCorpusGenerator -Dcreditmesh.generate.negative=true}. The key is a fixed Ed25519
 * test key (deterministic signatures) and the clock is fixed, so regenerating gives the same files.
 */
class TokenStatusNegativeCorpusGenerator {

    static final long NOW = 1_780_272_000L; // 2026-06-01T00:00:00Z
    static final String URI = "https://bureau.example/tsl/1";
    static final String DRAFT = "draft-ietf-oauth-status-list-20 ";

    private final SigningKey issuerKey = fixedKey((byte) 0x44);
    private final SigningKey otherKey = fixedKey((byte) 0x55);
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW - 3600), ZoneOffset.UTC);
    private Path dir;

    @Test
    @EnabledIfSystemProperty(named = "creditmesh.generate.negative", matches = "true")
    void writesTheTokenStatusListNegativeCorpus() throws Exception {
        dir = Path.of("src/test/resources/negative");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();

        write("tsl-reference-negative-idx", "a status_list reference whose idx is negative", DRAFT + "section 6.2",
                "tsl-reference", Json.parse("{\"status_list\":{\"idx\":-1,\"uri\":\"" + URI + "\"}}"), ctx(),
                "invalid_status_reference");
        write("tsl-reference-idx-as-string", "a status_list reference whose idx is a string, not an integer",
                DRAFT + "section 6.2", "tsl-reference", Json.parse("{\"status_list\":{\"idx\":\"7\",\"uri\":\"" + URI + "\"}}"),
                ctx(), "invalid_status_reference");
        write("tsl-reference-file-uri", "a status_list reference whose uri is a file: URI, not an http(s) URL",
                DRAFT + "section 6.2", "tsl-reference", Json.parse("{\"status_list\":{\"idx\":7,\"uri\":\"file:///etc/passwd\"}}"),
                ctx(), "invalid_status_reference");

        write("tsl-list-bits-three", "a Status List with bits 3", DRAFT + "section 4.2", "tsl-list",
                Json.parse("{\"bits\":3,\"lst\":\"eNrbuRgAAhcBXQ\"}"), ctx(), "invalid_status_list");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[] {(byte) 0xB9, (byte) 0xA3});
        }
        write("tsl-list-gzip-not-zlib", "lst holding GZIP (RFC 1952) data instead of ZLIB (RFC 1950)",
                DRAFT + "section 4.1 step 4", "tsl-list",
                Json.mapper().createObjectNode().put("bits", 1).put("lst", b64.encodeToString(gz.toByteArray())), ctx(),
                "invalid_status_list");
        write("tsl-list-zlib-bomb", "lst that inflates to 8 MiB, over the 4 MiB decompression bound",
                DRAFT + "section 11.1", "tsl-list",
                Json.mapper().createObjectNode().put("bits", 1).put("lst", b64.encodeToString(zlib(new byte[8 << 20]))), ctx(),
                "decompression_limit");

        TokenStatusList list = TokenStatusList.create(64, 1).with(3, 1);
        String good = issuer(issuerKey).issue(URI, list).compact();
        String[] parts = good.split("\\.");

        write("tsl-token-alg-none", "an unsecured Status List Token (alg none, empty signature)", DRAFT + "section 5.1 rule 2",
                "tsl-token", b64.encodeToString("{\"alg\":\"none\",\"typ\":\"statuslist+jwt\"}".getBytes(StandardCharsets.UTF_8))
                        + "." + parts[1] + ".", ctx(), "invalid_status_list_token");
        write("tsl-token-wrong-typ", "a correctly signed token whose typ is JWT, not statuslist+jwt", DRAFT + "section 5.1",
                "tsl-token", signed("{\"alg\":\"EdDSA\",\"kid\":\"k\",\"typ\":\"JWT\"}", parts[1]), ctx(),
                "invalid_status_list_token");
        write("tsl-token-signed-by-another-key", "a Status List Token signed by a key other than the Status Issuer's",
                DRAFT + "section 5.1 rule 2", "tsl-token", issuer(otherKey).issue(URI, list).compact(), ctx(),
                "status_list_signature");
        ObjectNode tampered = Json.parseObject(Base64.getUrlDecoder().decode(parts[1]));
        tampered.set("status_list", TokenStatusList.create(64, 1).toJson());
        write("tsl-token-list-altered", "the status_list claim replaced after signing (the revocation at index 3 erased)",
                DRAFT + "section 5.1 rule 2", "tsl-token",
                parts[0] + "." + b64.encodeToString(Json.write(tampered).getBytes(StandardCharsets.UTF_8)) + "." + parts[2], ctx(),
                "status_list_signature");
        write("tsl-token-subject-mismatch", "a valid token served for another uri than the credential references",
                DRAFT + "section 8.3 step 4a", "tsl-token", issuer(issuerKey).issue("https://bureau.example/tsl/2", list).compact(),
                ctx(), "status_list_subject_mismatch");
        write("tsl-token-expired", "a Status List Token whose exp has passed", DRAFT + "section 8.3 step 4c", "tsl-token",
                StatusListTokenIssuer.builder(issuerKey, "k").validity(Duration.ofMinutes(30)).clock(clock).build()
                        .issue(URI, list).compact(), ctx(), "status_list_expired");

        ObjectNode check = Json.mapper().createObjectNode();
        check.set("status", Json.parse("{\"status_list\":{\"idx\":64,\"uri\":\"" + URI + "\"}}"));
        check.put("token", good);
        write("tsl-check-index-out-of-range", "a reference to index 64 of a 64-entry list", DRAFT + "section 8.3 step 6",
                "tsl-check", check, ctx(), "index_out_of_range");
    }

    private StatusListTokenIssuer issuer(SigningKey key) {
        return StatusListTokenIssuer.builder(key, "k").validity(Duration.ofDays(1)).clock(clock).build();
    }

    private String signed(String header, String payload) {
        String input = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + payload;
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(issuerKey.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private ObjectNode ctx() {
        ObjectNode context = Json.mapper().createObjectNode();
        context.set("issuerJwk", Json.toNode(issuerKey.publicKey().toJwk().toJSONObject()));
        context.put("uri", URI);
        context.put("now", NOW);
        return context;
    }

    private static byte[] zlib(byte[] data) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(data);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private void write(String file, String description, String spec, String kind, Object input, ObjectNode context,
                       String expectedCode) throws Exception {
        ObjectNode c = Json.mapper().createObjectNode().put("description", description).put("spec", spec).put("kind", kind);
        c.set("input", input instanceof JsonNode node ? node : Json.toNode(input));
        c.set("context", context);
        c.put("expectedCode", expectedCode);
        Files.writeString(dir.resolve(file + ".json"), Json.writePretty(c) + "\n", StandardCharsets.UTF_8);
    }

    private static SigningKey fixedKey(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        try {
            return SigningKey.fromPrivateBytes(KeyType.ED25519, bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
