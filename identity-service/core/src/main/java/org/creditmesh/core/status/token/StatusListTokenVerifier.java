package org.creditmesh.core.status.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jose.Base64Url;
import org.creditmesh.core.jose.KeyJwsVerifier;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Verifies a Status List Token in JWT format (draft-ietf-oauth-status-list-20 sections 5.1 and 8.3 step 3-5):
 * {@code typ} is {@code statuslist+jwt}; {@code alg} is one of the asymmetric algorithms we implement (never
 * {@code none} or a MAC, RFC 8725 section 3.1); no {@code crit}; the signature verifies with the key the
 * {@link StatusListKeyResolver} names; {@code sub}, {@code iat} and {@code status_list} are present;
 * {@code sub} equals the Referenced Token's {@code uri}; {@code exp} (and {@code nbf}, RFC 7519 section 4.1.5)
 * hold at the verifier's clock; {@code ttl}, if present, is a positive number.
 *
 * <p>The header and payload are read with the strict {@link Json} parser and the signature is checked over
 * the received text; the JWS is split by hand for that reason (Nimbus parses headers leniently).
 */
public final class StatusListTokenVerifier {

    private final StatusListKeyResolver keys;
    private final Clock clock;
    private final int maxDecompressedBytes;

    public StatusListTokenVerifier(StatusListKeyResolver keys, Clock clock) {
        this(keys, clock, TokenStatusSpecs.DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    public StatusListTokenVerifier(StatusListKeyResolver keys, Clock clock, int maxDecompressedBytes) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxDecompressedBytes < 1) {
            throw new IllegalArgumentException("maxDecompressedBytes is positive");
        }
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /** Verifies {@code compact} as the Status List Token at {@code expectedUri}. */
    public StatusListToken verify(String compact, String expectedUri) throws TokenStatusException {
        if (compact == null || compact.isEmpty()) {
            throw invalid("no Status List Token");
        }
        String jws = compact.strip();
        if (jws.length() > TokenStatusSpecs.MAX_TOKEN_LENGTH) {
            throw invalid("the Status List Token is longer than " + TokenStatusSpecs.MAX_TOKEN_LENGTH + " characters");
        }
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("a Status List Token is a JWS in compact serialization: three parts, not " + parts.length);
        }
        ObjectNode header = decodeObject(parts[0], "header");
        String typ = header.path(TokenStatusSpecs.HEADER_TYP).asText("").toLowerCase(Locale.ROOT);
        // RFC 7515 section 4.1.9: media types are case-insensitive and "application/" may be omitted.
        if (!typ.equals(TokenStatusSpecs.TYP) && !typ.equals(TokenStatusSpecs.MEDIA_TYPE)) {
            throw invalid("the JWT typ is not " + TokenStatusSpecs.TYP + " (section 5.1)");
        }
        JsonNode alg = header.get(TokenStatusSpecs.HEADER_ALG);
        Optional<KeyType> keyType = alg != null && alg.isTextual()
                ? KeyType.fromJwsAlgorithm(JWSAlgorithm.parse(alg.textValue())) : Optional.empty();
        if (keyType.isEmpty()) {
            throw invalid("the JWT alg is missing or not an accepted signature algorithm (section 5.1 rule 2, RFC 8725)");
        }
        if (header.has(TokenStatusSpecs.HEADER_CRIT)) {
            throw invalid("the JWT header marks extensions critical that are not understood (RFC 7515 section 4.1.11)");
        }
        ObjectNode payload = decodeObject(parts[1], "payload");
        byte[] signature = decodeBase64Url(parts[2], "signature");
        Optional<String> kid = text(header, TokenStatusSpecs.HEADER_KID);
        Optional<String> iss = text(payload, TokenStatusSpecs.ISS);
        VerificationKey key;
        try {
            key = keys.resolve(kid, iss);
        } catch (TokenStatusException e) {
            throw e;
        } catch (CreditMeshException e) {
            throw new TokenStatusException(TokenStatusError.UNKNOWN_STATUS_LIST_KEY,
                    "no key of the Status Issuer for this token: " + e.code().code(), e);
        }
        if (!verifySignature(alg.textValue(), key, parts[0] + "." + parts[1], signature)) {
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_SIGNATURE,
                    "the Status List Token's signature does not verify (section 5.1 rule 2)");
        }
        String subject = text(payload, TokenStatusSpecs.SUB)
                .orElseThrow(() -> invalid("the Status List Token has no sub string (section 5.1)"));
        Instant issuedAt = numericDate(payload, TokenStatusSpecs.IAT)
                .orElseThrow(() -> invalid("the Status List Token has no iat (section 5.1)"));
        Optional<Instant> expiresAt = numericDate(payload, TokenStatusSpecs.EXP);
        Optional<Instant> notBefore = numericDate(payload, TokenStatusSpecs.NBF);
        Optional<Duration> ttl = timeToLive(payload);
        if (!payload.has(TokenStatusSpecs.STATUS_LIST)) {
            throw invalid("the Status List Token has no status_list claim (section 5.1)");
        }
        if (!subject.equals(expectedUri)) {
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_SUBJECT_MISMATCH,
                    "the token's sub is not the uri the credential references (section 8.3 step 4a)");
        }
        Instant now = clock.instant();
        if (expiresAt.isPresent() && !now.isBefore(expiresAt.get())) {
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_EXPIRED,
                    "the Status List Token expired at " + expiresAt.get() + " (section 8.3 step 4c)");
        }
        if (notBefore.isPresent() && now.isBefore(notBefore.get())) {
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_EXPIRED,
                    "the Status List Token is not valid before " + notBefore.get() + " (RFC 7519 section 4.1.5)");
        }
        TokenStatusList list = TokenStatusList.parse(payload.get(TokenStatusSpecs.STATUS_LIST), maxDecompressedBytes);
        return new StatusListToken(jws, kid, iss, subject, issuedAt, expiresAt, ttl, list);
    }

    private static boolean verifySignature(String alg, VerificationKey key, String signingInput, byte[] signature) {
        try {
            return new KeyJwsVerifier(key).verify(new JWSHeader(JWSAlgorithm.parse(alg)),
                    signingInput.getBytes(StandardCharsets.US_ASCII), Base64URL.encode(signature));
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<String> text(ObjectNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    /** RFC 7519 section 2: NumericDate, a JSON number of seconds; a present member of another type is refused. */
    private static Optional<Instant> numericDate(ObjectNode payload, String member) throws TokenStatusException {
        JsonNode value = payload.get(member);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || !value.canConvertToLong()
                || value.longValue() < Instant.MIN.getEpochSecond() || value.longValue() > Instant.MAX.getEpochSecond()) {
            throw invalid(member + " is a NumericDate (RFC 7519 section 2)");
        }
        return Optional.of(Instant.ofEpochSecond(value.longValue()));
    }

    private static Optional<Duration> timeToLive(ObjectNode payload) throws TokenStatusException {
        JsonNode value = payload.get(TokenStatusSpecs.TTL);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || !value.canConvertToLong() || value.doubleValue() <= 0) {
            throw invalid("ttl is a positive number (section 5.1)");
        }
        return Optional.of(Duration.ofSeconds(Math.max(1, value.longValue())));
    }

    private static ObjectNode decodeObject(String part, String what) throws TokenStatusException {
        byte[] bytes = decodeBase64Url(part, what);
        try {
            return Json.parseObject(bytes);
        } catch (MalformedJsonException e) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST_TOKEN,
                    "the JWT " + what + " is not a JSON object (" + e.code().code() + ")", e);
        }
    }

    private static byte[] decodeBase64Url(String part, String what) throws TokenStatusException {
        try {
            return Base64Url.decode(part);
        } catch (IllegalArgumentException e) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST_TOKEN,
                    "the JWT " + what + " is not base64url without padding", e);
        }
    }

    private static TokenStatusException invalid(String message) {
        return new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST_TOKEN, message);
    }
}
