package org.creditmesh.core.status.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link StatusListTokenIssuer} and {@link StatusListTokenVerifier}: draft-ietf-oauth-status-list-20 sections 5.1 and 8.3. */
class StatusListTokenTest {

    static final String URI = "https://issuer.example/tsl/1";
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Clock AT_T0 = Clock.fixed(T0, ZoneOffset.UTC);

    private final SigningKey key = SigningKey.generate(KeyType.ED25519);

    private StatusListTokenIssuer issuer() {
        return StatusListTokenIssuer.builder(key, "did:example:issuer#key-1").issuer("did:example:issuer")
                .validity(Duration.ofDays(1)).timeToLive(Duration.ofHours(12)).clock(AT_T0).build();
    }

    private StatusListTokenVerifier verifier(Clock clock) {
        return new StatusListTokenVerifier(StatusListKeyResolver.fixed(key.publicKey()), clock);
    }

    private static TokenStatusException thrown(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(TokenStatusException.class);
        return (TokenStatusException) t;
    }

    /** Re-signs {@code header}.{@code payload} with {@link #key}, for tokens the issuer would never make. */
    private String signRaw(ObjectNode header, ObjectNode payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        return input + "." + b64.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private ObjectNode header() {
        return Json.mapper().createObjectNode().put("alg", "Ed25519").put("typ", "statuslist+jwt");
    }

    private ObjectNode payload() throws Exception {
        ObjectNode payload = Json.mapper().createObjectNode().put("sub", URI).put("iat", T0.getEpochSecond());
        payload.set("status_list", TokenStatusList.create(16, 1).toJson());
        return payload;
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void issuesATokenThatVerifiesWithEveryKeyType(KeyType type) throws Exception {
        SigningKey signer = SigningKey.generate(type);
        TokenStatusList list = TokenStatusList.create(100, 2).with(7, 2);
        StatusListToken issued = StatusListTokenIssuer.builder(signer, "k").clock(AT_T0).build().issue(URI, list);
        StatusListToken verified = new StatusListTokenVerifier(StatusListKeyResolver.fixed(signer.publicKey()), AT_T0)
                .verify(issued.compact(), URI);
        assertThat(verified.statusList()).isEqualTo(list);
        assertThat(verified.statusList().get(7)).isEqualTo(2);
    }

    @Test
    void carriesTheHeaderAndClaimsOfSection5Point1() throws Exception {
        StatusListToken token = issuer().issue(URI, TokenStatusList.create(16, 1));
        String[] parts = token.compact().split("\\.");
        ObjectNode header = Json.parseObject(Base64.getUrlDecoder().decode(parts[0]));
        ObjectNode payload = Json.parseObject(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("typ").textValue()).isEqualTo("statuslist+jwt");
        assertThat(header.get("alg").textValue()).isEqualTo(KeyType.ED25519.jwsAlgorithm().getName());
        assertThat(header.get("kid").textValue()).isEqualTo("did:example:issuer#key-1");
        assertThat(payload.get("sub").textValue()).isEqualTo(URI);
        assertThat(payload.get("iss").textValue()).isEqualTo("did:example:issuer");
        assertThat(payload.get("iat").longValue()).isEqualTo(T0.getEpochSecond());
        assertThat(payload.get("exp").longValue()).isEqualTo(T0.plus(Duration.ofDays(1)).getEpochSecond());
        assertThat(payload.get("ttl").longValue()).isEqualTo(43_200);
        assertThat(payload.get("status_list").get("bits").intValue()).isEqualTo(1);

        StatusListToken verified = verifier(AT_T0).verify(token.compact(), URI);
        assertThat(verified.kid()).contains("did:example:issuer#key-1");
        assertThat(verified.issuer()).contains("did:example:issuer");
        assertThat(verified.expiresAt()).contains(T0.plus(Duration.ofDays(1)));
        assertThat(verified.timeToLive()).contains(Duration.ofHours(12));
    }

    @Test
    void refusesATokenWhoseSubjectIsNotTheReferencedUri() throws Exception {
        String token = issuer().issue(URI, TokenStatusList.create(16, 1)).compact();
        assertThat(thrown(() -> verifier(AT_T0).verify(token, "https://issuer.example/tsl/2")).code())
                .isEqualTo(TokenStatusError.STATUS_LIST_SUBJECT_MISMATCH);
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        String token = issuer().issue(URI, TokenStatusList.create(16, 1)).compact();
        Clock later = Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        assertThat(thrown(() -> verifier(later).verify(token, URI)).code()).isEqualTo(TokenStatusError.STATUS_LIST_EXPIRED);
        assertThat(verifier(Clock.fixed(T0.plus(Duration.ofDays(1)).minusSeconds(1), ZoneOffset.UTC)).verify(token, URI)).isNotNull();
    }

    @Test
    void refusesATokenNotYetValid() throws Exception {
        ObjectNode payload = payload().put("nbf", T0.plusSeconds(3600).getEpochSecond());
        assertThat(thrown(() -> verifier(AT_T0).verify(signRaw(header(), payload), URI)).code())
                .isEqualTo(TokenStatusError.STATUS_LIST_EXPIRED);
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        String token = StatusListTokenIssuer.builder(SigningKey.generate(KeyType.ED25519), "k").clock(AT_T0).build()
                .issue(URI, TokenStatusList.create(16, 1)).compact();
        assertThat(thrown(() -> verifier(AT_T0).verify(token, URI)).code()).isEqualTo(TokenStatusError.STATUS_LIST_SIGNATURE);
    }

    @Test
    void refusesATokenWhoseStatusListWasChangedAfterSigning() throws Exception {
        String token = issuer().issue(URI, TokenStatusList.create(16, 1)).compact();
        String[] parts = token.split("\\.");
        ObjectNode payload = Json.parseObject(Base64.getUrlDecoder().decode(parts[1]));
        payload.set("status_list", TokenStatusList.create(16, 1).with(3, 1).toJson());
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(thrown(() -> verifier(AT_T0).verify(tampered, URI)).code()).isEqualTo(TokenStatusError.STATUS_LIST_SIGNATURE);
    }

    @Test
    void refusesAJwtOfAnotherType() throws Exception {
        for (String typ : new String[] {"JWT", "dc+sd-jwt", "statuslist+cwt"}) {
            String token = signRaw(header().put("typ", typ), payload());
            assertThat(thrown(() -> verifier(AT_T0).verify(token, URI)).code()).as(typ)
                    .isEqualTo(TokenStatusError.INVALID_STATUS_LIST_TOKEN);
        }
        assertThat(thrown(() -> verifier(AT_T0).verify(signRaw(header().without("typ"), payload()), URI)).code())
                .isEqualTo(TokenStatusError.INVALID_STATUS_LIST_TOKEN);
    }

    @Test
    void acceptsTheMediaTypeFormOfTyp() throws Exception {
        String token = signRaw(header().put("typ", "application/StatusList+JWT"), payload());
        assertThat(verifier(AT_T0).verify(token, URI).subject()).isEqualTo(URI);
    }

    @Test
    void refusesAnUnsecuredOrMacToken() throws Exception {
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.write(header().put("alg", "none")).getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(payload()).getBytes(StandardCharsets.UTF_8)) + ".";
        assertThat(thrown(() -> verifier(AT_T0).verify(unsigned, URI)).code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST_TOKEN);
        String hmac = signRaw(header().put("alg", "HS256"), payload());
        assertThat(thrown(() -> verifier(AT_T0).verify(hmac, URI)).code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST_TOKEN);
    }

    @Test
    void refusesACriticalHeaderExtension() throws Exception {
        ObjectNode header = header();
        header.putArray("crit").add("exp");
        assertThat(thrown(() -> verifier(AT_T0).verify(signRaw(header, payload()), URI)).code())
                .isEqualTo(TokenStatusError.INVALID_STATUS_LIST_TOKEN);
    }

    @Test
    void refusesATokenMissingARequiredClaim() throws Exception {
        for (String claim : new String[] {"sub", "iat", "status_list"}) {
            ObjectNode payload = payload();
            payload.remove(claim);
            assertThat(thrown(() -> verifier(AT_T0).verify(signRaw(header(), payload), URI)).code()).as(claim)
                    .isEqualTo(TokenStatusError.INVALID_STATUS_LIST_TOKEN);
        }
    }

    @Test
    void refusesANonPositiveTtlAndTimesThatAreNotNumericDates() throws Exception {
        for (ObjectNode payload : new ObjectNode[] {payload().put("ttl", 0), payload().put("ttl", -5), payload().put("exp", "tomorrow"),
                payload().put("exp", Long.MAX_VALUE), payload().put("iat", Long.MIN_VALUE)}) {
            assertThat(thrown(() -> verifier(AT_T0).verify(signRaw(header(), payload), URI)).code())
                    .isEqualTo(TokenStatusError.INVALID_STATUS_LIST_TOKEN);
        }
    }

    @Test
    void refusesTextThatIsNotACompactJws() {
        for (String text : new String[] {"", "a.b", "a.b.c.d.e", "eyJ.eyJ.@@", "{\"status_list\":{}}"}) {
            assertThat(thrown(() -> verifier(AT_T0).verify(text, URI)).code()).as(text)
                    .isEqualTo(TokenStatusError.INVALID_STATUS_LIST_TOKEN);
        }
    }

    @Test
    void reportsAKeyResolverFailureAsAnUnknownKey() throws Exception {
        String token = issuer().issue(URI, TokenStatusList.create(16, 1)).compact();
        StatusListTokenVerifier refusing = new StatusListTokenVerifier((kid, iss) -> {
            throw new org.creditmesh.core.keys.KeyException(org.creditmesh.core.keys.KeyError.INVALID_JWK, "no such key");
        }, AT_T0);
        assertThat(thrown(() -> refusing.verify(token, URI)).code()).isEqualTo(TokenStatusError.UNKNOWN_STATUS_LIST_KEY);
    }

    @Test
    void passesTheKidAndIssToTheKeyResolver() throws Exception {
        String token = issuer().issue(URI, TokenStatusList.create(16, 1)).compact();
        java.util.List<String> seen = new java.util.ArrayList<>();
        new StatusListTokenVerifier((kid, iss) -> {
            seen.add(kid.orElse("-") + " " + iss.orElse("-"));
            return key.publicKey();
        }, AT_T0).verify(token, URI);
        assertThat(seen).containsExactly("did:example:issuer#key-1 did:example:issuer");
    }

    @Test
    void appliesTheDecompressionBoundToTheTokensList() throws Exception {
        String token = issuer().issue(URI, TokenStatusList.create(1 << 16, 1)).compact(); // 8 KiB list
        StatusListTokenVerifier small = new StatusListTokenVerifier(StatusListKeyResolver.fixed(key.publicKey()), AT_T0, 4096);
        assertThat(thrown(() -> small.verify(token, URI)).code()).isEqualTo(TokenStatusError.DECOMPRESSION_LIMIT);
    }

    @Test
    void refusesToIssueForANonHttpUri() {
        assertThatThrownBy(() -> issuer().issue("urn:example:tsl", TokenStatusList.create(16, 1)))
                .isInstanceOfSatisfying(TokenStatusException.class,
                        e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_REFERENCE));
    }
}
