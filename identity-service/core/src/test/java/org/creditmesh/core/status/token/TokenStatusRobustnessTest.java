package org.creditmesh.core.status.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;

/**
 * Seeded structural mutations of Status List Tokens and of {@code lst} data: every one either verifies or fails
 * with a {@link TokenStatusException}; none escapes as another exception.
 */
class TokenStatusRobustnessTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final String URI = "https://bureau.example/tsl/1";

    @Test
    void mutatedTokensFailOnlyWithTypedErrors() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256);
        String token = StatusListTokenIssuer.builder(key, "k").clock(NOW).build()
                .issue(URI, TokenStatusList.create(4096, 2).with(9, 2)).compact();
        StatusListTokenVerifier verifier = new StatusListTokenVerifier(StatusListKeyResolver.fixed(key.publicKey()), NOW);
        Random random = new Random(20261123L);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=~ \"{}";
        int refused = 0;
        for (int i = 0; i < 1500; i++) {
            StringBuilder mutated = new StringBuilder(token);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && mutated.length() > 0; e++) {
                int at = random.nextInt(mutated.length());
                switch (random.nextInt(3)) {
                    case 0 -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> mutated.deleteCharAt(at);
                    default -> mutated.setLength(at);
                }
            }
            try {
                verifier.verify(mutated.toString(), URI);
            } catch (TokenStatusException expected) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(1400);
    }

    @Test
    void mutatedListDataFailsOnlyWithTypedErrors() throws Exception {
        byte[] compressed = TokenStatusList.create(2048, 4).with(5, 9).with(2000, 15).compressed();
        Random random = new Random(7L);
        for (int i = 0; i < 1500; i++) {
            byte[] mutated = compressed.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                mutated = java.util.Arrays.copyOf(mutated, 1 + random.nextInt(mutated.length));
            }
            ObjectNode node = Json.mapper().createObjectNode().put("bits", 4)
                    .put("lst", Base64.getUrlEncoder().withoutPadding().encodeToString(mutated));
            try {
                TokenStatusList list = TokenStatusList.parse(node, 4096);
                list.get(random.nextInt(5000));
            } catch (TokenStatusException expected) {
                assertThat(expected.code()).isIn(TokenStatusError.INVALID_STATUS_LIST, TokenStatusError.DECOMPRESSION_LIMIT,
                        TokenStatusError.INDEX_OUT_OF_RANGE);
            }
        }
    }

    @Test
    void mutatedPayloadClaimsFailOnlyWithTypedErrors() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        StatusListTokenVerifier verifier = new StatusListTokenVerifier(StatusListKeyResolver.fixed(key.publicKey()), NOW);
        Object[] values = {null, 0, -1, 1.5, "x", true, Long.MAX_VALUE, Json.mapper().createArrayNode(), Json.mapper().createObjectNode()};
        String[] claims = {"sub", "iat", "exp", "nbf", "ttl", "iss", "status_list"};
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"statuslist+jwt\"}".getBytes(StandardCharsets.UTF_8));
        for (String claim : claims) {
            for (Object value : values) {
                ObjectNode payload = Json.mapper().createObjectNode().put("sub", URI).put("iat", NOW.instant().getEpochSecond());
                payload.set("status_list", TokenStatusList.create(16, 1).toJson());
                payload.set(claim, Json.toNode(value));
                String input = header + "." + b64.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
                String jwt = input + "." + b64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
                try {
                    verifier.verify(jwt, URI);
                } catch (TokenStatusException expected) {
                    assertThat(expected.code()).isNotNull();
                }
            }
        }
    }
}
