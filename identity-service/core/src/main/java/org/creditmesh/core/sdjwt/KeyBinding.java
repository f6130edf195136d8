package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.creditmesh.core.jose.Base64Url;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;

/**
 * The Key Binding JWT (RFC 9901 section 4.3): created by the holder over the presented SD-JWT, checked by
 * the verifier against the {@code cnf} key (section 7.3).
 */
public final class KeyBinding {

    private KeyBinding() {
    }

    /**
     * Signs a KB-JWT for {@code presentation} (whose own KB-JWT, if any, is ignored): header {@code typ: kb+jwt},
     * claims {@code iat}, {@code aud}, {@code nonce} and {@code sd_hash}.
     */
    public static String create(SdJwt presentation, SigningKey holderKey, String audience, String nonce, Instant iat)
            throws SdJwtException {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(nonce, "nonce");
        HashAlgorithm alg = DisclosureProcessor.hashAlgorithm(
                Jws.of(presentation.signatures().getFirst().protectedHeader(), presentation.payload(),
                        presentation.signatures().getFirst().signature(), SdJwtError.MALFORMED_SD_JWT).payload());
        ObjectNode header = Json.mapper().createObjectNode()
                .put(SdJwtSpecs.HEADER_ALG, holderKey.type().jwsAlgorithm().getName())
                .put(SdJwtSpecs.HEADER_TYP, SdJwtSpecs.TYP_KB_JWT);
        ObjectNode claims = Json.mapper().createObjectNode()
                .put(SdJwtSpecs.IAT, iat.getEpochSecond())
                .put(SdJwtSpecs.AUD, audience)
                .put(SdJwtSpecs.NONCE, nonce)
                .put(SdJwtSpecs.SD_HASH, sdHash(presentation, alg));
        return Jws.sign(header, claims, holderKey).compact();
    }

    /** {@code sd_hash}: the digest of {@code <JWT>~<D1>~...~<Dn>~} with the SD-JWT's {@code _sd_alg}. */
    public static String sdHash(SdJwt presentation, HashAlgorithm alg) {
        MessageDigest digest = alg.newDigest();
        presentation.sdHashInput(digest);
        return DisclosureDigest.ofHash(digest.digest()).value();
    }

    /** The holder's key from {@code cnf.jwk} (RFC 7800 section 3.2). */
    static VerificationKey confirmationKey(ObjectNode payload) throws SdJwtException {
        JsonNode jwk = payload.path(SdJwtSpecs.CNF).path(SdJwtSpecs.CNF_JWK);
        if (!jwk.isObject()) {
            throw new SdJwtException(SdJwtError.KEY_BINDING_INVALID, "the SD-JWT has no cnf.jwk to check key binding with");
        }
        try {
            VerificationKey plain = plainEd25519(jwk);
            if (plain != null) {
                return plain;
            }
            return VerificationKey.fromJwk(JWK.parse(Json.toMap(jwk)));
        } catch (KeyException | java.text.ParseException e) {
            throw new SdJwtException(SdJwtError.KEY_BINDING_INVALID, "cnf.jwk is not a usable public key: " + e.getMessage(), e);
        }
    }

    /**
     * The key of a JWK that is exactly {@code {"kty":"OKP","crv":"Ed25519","x":<strict base64url>}}, as our
     * holders put in {@code cnf}; null for any other JWK, which then goes through Nimbus. Nimbus' way
     * (a copy of the tree into maps, then {@code JWK.parse}) was about 2 % of verifying an SD-JWT VC. The
     * result is the same key Nimbus would give (the same bytes reach {@link VerificationKey#of}, which
     * validates the point); anything else, a {@code kid}, {@code use} or {@code d} member included, takes
     * the general path with all of Nimbus' checks.
     */
    private static VerificationKey plainEd25519(JsonNode jwk) throws KeyException {
        JsonNode x = jwk.get("x");
        if (jwk.size() != 3 || !"OKP".equals(jwk.path("kty").textValue()) || !"Ed25519".equals(jwk.path("crv").textValue())
                || x == null || !x.isTextual()) {
            return null;
        }
        byte[] raw;
        try {
            raw = Base64Url.decode(x.textValue());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return VerificationKey.of(KeyType.ED25519, raw);
    }

    /** RFC 9901 section 7.3: every check of the KB-JWT. Returns its claims. */
    static ObjectNode verify(String kbJwt, VerificationKey holderKey, String expectedSdHash, KeyBindingChallenge challenge,
                             Instant now, Duration skew) throws SdJwtException {
        Jws jws = Jws.parseCompact(kbJwt, SdJwtError.KEY_BINDING_INVALID);
        KeyType type = jws.checkHeader();
        if (!jws.typ().filter(SdJwtSpecs.TYP_KB_JWT::equals).isPresent()) {
            throw new SdJwtException(SdJwtError.WRONG_TYP, "the KB-JWT typ is not " + SdJwtSpecs.TYP_KB_JWT);
        }
        if (type != holderKey.type() || !jws.verify(holderKey)) {
            throw new SdJwtException(SdJwtError.KEY_BINDING_INVALID, "the KB-JWT is not signed by the cnf key");
        }
        ObjectNode claims = jws.payload();
        JsonNode iat = claims.get(SdJwtSpecs.IAT);
        if (iat == null || !iat.isNumber()) {
            throw new SdJwtException(SdJwtError.KEY_BINDING_INVALID, "the KB-JWT has no numeric iat");
        }
        Instant issued = Instant.ofEpochSecond(iat.asLong());
        if (issued.isAfter(now.plus(skew)) || issued.isBefore(now.minus(challenge.maxAge()).minus(skew))) {
            throw new SdJwtException(SdJwtError.KEY_BINDING_NOT_FRESH, "the KB-JWT iat is outside the accepted window");
        }
        if (!audienceMatches(claims.get(SdJwtSpecs.AUD), challenge.audience())) {
            throw new SdJwtException(SdJwtError.AUDIENCE_MISMATCH, "the KB-JWT aud is not this verifier");
        }
        JsonNode nonce = claims.get(SdJwtSpecs.NONCE);
        if (nonce == null || !nonce.isTextual() || !nonce.asText().equals(challenge.nonce())) {
            throw new SdJwtException(SdJwtError.NONCE_MISMATCH, "the KB-JWT nonce is not the expected one");
        }
        JsonNode sdHash = claims.get(SdJwtSpecs.SD_HASH);
        if (sdHash == null || !sdHash.isTextual() || !sdHash.asText().equals(expectedSdHash)) {
            throw new SdJwtException(SdJwtError.SD_HASH_MISMATCH, "the KB-JWT sd_hash does not match the presented SD-JWT");
        }
        return claims;
    }

    /** {@code aud} is a string, or an array of strings (RFC 7519 section 4.1.3). */
    private static boolean audienceMatches(JsonNode aud, String expected) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return aud.asText().equals(expected);
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (a.isTextual() && a.asText().equals(expected)) {
                    return true;
                }
            }
        }
        return false;
    }
}
