package org.creditmesh.core.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.credential.DataModelException;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.credential.EnvelopedCredential;
import org.creditmesh.core.credential.Presentation;
import org.creditmesh.core.credential.VcdmVersion;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Verifies {@code vc+jwt} credentials and {@code vp+jwt} presentations (VC-JOSE-COSE section 5.1:
 * "Validating a JWT", RFC 7519 section 7.2) and validates what they carry (section "Validation"):
 *
 * <ol>
 *   <li>compact JWS only, strict base64url, header a strict JSON object; a JWE is refused;</li>
 *   <li>{@code alg} is one of EdDSA, Ed25519, ES256, ES256K — never {@code none} or HMAC (RFC 8725 section 2.1);</li>
 *   <li>no {@code crit} (no extension is understood, RFC 7515 section 4.1.11);</li>
 *   <li>{@code typ} is {@code vc+jwt} / {@code vp+jwt} (explicit typing, RFC 8725 section 3.11);</li>
 *   <li>{@code kid} resolves, through the {@link KeyResolver}, to a key of the issuer (holder), and a DID
 *       URL {@code kid} belongs to the issuer's (holder's) DID; {@code alg} is the key's algorithm;</li>
 *   <li>the signature verifies through {@link KeyJwsVerifier};</li>
 *   <li>the payload is a valid credential (presentation), without {@code vc}/{@code vp} claims, and an
 *       {@code iss} claim, if present, equals the issuer (section 4.1.2);</li>
 *   <li>{@code exp}/{@code nbf} and the credential's validity period hold at the clock's time.</li>
 * </ol>
 */
public final class VcJwtVerifier {

    private static final Set<String> ALLOWED_ALGS = Set.of(
            JWSAlgorithm.EdDSA.getName(), JwsAlgorithms.ED25519.getName(),
            JWSAlgorithm.ES256.getName(), JWSAlgorithm.ES256K.getName());

    private final KeyResolver keys;
    private final DataModelValidator validator;
    private final Clock clock;
    private final Duration leeway;
    private final boolean requireHolderIsSubject;

    /** A verifier with no clock leeway that requires each presented credential to be about the holder. */
    public VcJwtVerifier(KeyResolver keys, DataModelValidator validator, Clock clock) {
        this(keys, validator, clock, Duration.ZERO, true);
    }

    private VcJwtVerifier(KeyResolver keys, DataModelValidator validator, Clock clock, Duration leeway,
            boolean requireHolderIsSubject) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        this.requireHolderIsSubject = requireHolderIsSubject;
    }

    /** Tolerates clocks that differ by up to {@code leeway} in time checks. */
    public VcJwtVerifier withLeeway(Duration leeway) {
        return new VcJwtVerifier(keys, validator, clock, leeway, requireHolderIsSubject);
    }

    /**
     * Whether a presentation's holder must be a subject ({@code credentialSubject.id}) of every credential
     * it presents (default true: a borrower presents credentials about themself).
     */
    public VcJwtVerifier withHolderIsSubject(boolean required) {
        return new VcJwtVerifier(keys, validator, clock, leeway, required);
    }

    /** Verifies a {@code vc+jwt}. */
    public VerifiedCredential verify(String vcJwt) throws VcJwtException {
        CompactJws jws = CompactJws.parse(vcJwt);
        checkHeader(jws, VcJwtSpecs.TYP_VC);
        ObjectNode payload = payload(jws);
        String issuer = controller(payload.get(CredentialSpecs.ISSUER), "issuer");
        String kid = kid(jws, issuer, VcJwtError.ISSUER_MISMATCH);
        VerificationKey key = resolveAndVerify(jws, kid, issuer, VerificationRelationship.ASSERTION_METHOD);
        // Section 4.1.2: iss may be a claim or a header parameter; wherever it is, it MUST match the issuer.
        for (JsonNode iss : new JsonNode[] {payload.get(VcJwtSpecs.CLAIM_ISS), jws.header().get(VcJwtSpecs.CLAIM_ISS)}) {
            if (iss != null && !issuer.equals(iss.textValue())) {
                throw new VcJwtException(VcJwtError.ISSUER_MISMATCH,
                        "iss does not match the credential's issuer (VC-JOSE-COSE section 4.1.2)");
            }
        }
        Credential credential;
        try {
            // The payload was parsed by this call and is not used again: no copy needed.
            credential = Credential.fromOwned(payload, validator);
        } catch (DataModelException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                    "the payload is not a valid credential (" + e.code().code() + ": " + e.getMessage() + ")", e);
        }
        if (credential.version() != VcdmVersion.V2_0) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                    "a vc+jwt secures a VCDM 2.0 credential (VC-JOSE-COSE \"Validation\"); VCDM 1.1 JWTs use the vc claim");
        }
        Instant now = clock.instant();
        checkJwtTimes(payload, now);
        if (credential.validUntil().map(u -> now.minus(leeway).isAfter(u)).orElse(false)) {
            throw new VcJwtException(VcJwtError.EXPIRED, "the credential's validUntil has passed");
        }
        if (credential.validFrom().map(f -> now.plus(leeway).isBefore(f)).orElse(false)) {
            throw new VcJwtException(VcJwtError.NOT_YET_VALID, "the credential's validFrom is in the future");
        }
        return new VerifiedCredential(credential, kid, jws.alg(), key);
    }

    /**
     * Verifies a {@code vp+jwt}: signed by its holder, bound to {@code expectedNonce} and
     * {@code expectedAudience}, every credential an {@code EnvelopedVerifiableCredential} holding a
     * {@code vc+jwt} that verifies.
     */
    public VerifiedPresentation verifyPresentation(String vpJwt, String expectedNonce, String expectedAudience)
            throws VcJwtException {
        Objects.requireNonNull(expectedNonce, "expectedNonce");
        Objects.requireNonNull(expectedAudience, "expectedAudience");
        CompactJws jws = CompactJws.parse(vpJwt);
        checkHeader(jws, VcJwtSpecs.TYP_VP);
        ObjectNode payload = payload(jws);
        if (!payload.has(CredentialSpecs.HOLDER)) {
            throw new VcJwtException(VcJwtError.HOLDER_BINDING_FAILED, "the presentation names no holder");
        }
        String holder = controller(payload.get(CredentialSpecs.HOLDER), "holder");
        String kid = kid(jws, holder, VcJwtError.HOLDER_BINDING_FAILED);
        VerificationKey key = resolveAndVerify(jws, kid, holder, VerificationRelationship.AUTHENTICATION);
        Presentation presentation;
        try {
            presentation = Presentation.from(payload, validator);
        } catch (DataModelException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                    "the payload is not a valid presentation (" + e.code().code() + ": " + e.getMessage() + ")", e);
        }
        if (presentation.version() != VcdmVersion.V2_0) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "a vp+jwt secures a VCDM 2.0 presentation");
        }
        if (!expectedNonce.equals(payload.path(VcJwtSpecs.CLAIM_NONCE).textValue())) {
            throw new VcJwtException(VcJwtError.NONCE_MISMATCH, "the presentation's nonce is not the expected challenge");
        }
        if (!audienceMatches(payload.get(VcJwtSpecs.CLAIM_AUD), expectedAudience)) {
            throw new VcJwtException(VcJwtError.AUDIENCE_MISMATCH, "the presentation's aud does not name this verifier");
        }
        checkJwtTimes(payload, clock.instant());
        List<VerifiedCredential> credentials = new ArrayList<>();
        List<ObjectNode> entries = presentation.verifiableCredentials();
        for (int i = 0; i < entries.size(); i++) {
            credentials.add(verifyEnveloped(entries.get(i), i, holder));
        }
        return new VerifiedPresentation(presentation, holder, kid, key, credentials);
    }

    private VerifiedCredential verifyEnveloped(ObjectNode entry, int index, String holder) throws VcJwtException {
        if (!DataModelValidator.types(entry).contains(CredentialSpecs.TYPE_ENVELOPED_CREDENTIAL)) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                    "credential " + index + " is not an EnvelopedVerifiableCredential (VC-JOSE-COSE section 3.1.2)");
        }
        EnvelopedCredential enveloped;
        try {
            enveloped = EnvelopedCredential.parse(entry.path(CredentialSpecs.ID).textValue());
        } catch (DataModelException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "credential " + index + ": " + e.getMessage(), e);
        }
        if (!VcJwtSpecs.MEDIA_TYPE_VC_JWT.equals(enveloped.mediaType())) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                    "credential " + index + " is enveloped as " + enveloped.mediaType() + ", not " + VcJwtSpecs.MEDIA_TYPE_VC_JWT);
        }
        VerifiedCredential verified;
        try {
            verified = verify(enveloped.data());
        } catch (VcJwtException e) {
            throw new VcJwtException(e.code(), "enveloped credential " + index + ": " + e.getMessage(), e);
        }
        if (requireHolderIsSubject && !verified.credential().subjectIds().contains(holder)) {
            throw new VcJwtException(VcJwtError.HOLDER_BINDING_FAILED,
                    "the holder is not a subject of enveloped credential " + index);
        }
        return verified;
    }

    static void checkHeader(CompactJws jws, String expectedTyp) throws VcJwtException {
        String alg = jws.alg();
        if (alg.toLowerCase(Locale.ROOT).equals("none")) {
            throw new VcJwtException(VcJwtError.ALG_NONE, "unsecured JWS (alg none) is never accepted (RFC 8725 section 3.1)");
        }
        if (!ALLOWED_ALGS.contains(alg)) {
            throw new VcJwtException(VcJwtError.ALG_NOT_ALLOWED,
                    "alg " + alg + " is not accepted; allowed: " + ALLOWED_ALGS.stream().sorted().toList());
        }
        if (jws.header().has("crit")) {
            throw new VcJwtException(VcJwtError.UNKNOWN_CRIT,
                    "the JOSE header marks extensions critical that this verifier does not understand (RFC 7515 section 4.1.11)");
        }
        JsonNode typ = jws.header().get("typ");
        String value = typ == null ? null : typ.textValue();
        // RFC 7515 section 4.1.9: "application/" may be omitted from typ, and media types compare case-insensitively.
        if (value == null || !(value.equalsIgnoreCase(expectedTyp) || value.equalsIgnoreCase("application/" + expectedTyp))) {
            throw new VcJwtException(VcJwtError.WRONG_TYP, "typ must be " + expectedTyp + " (VC-JOSE-COSE section 3.1)");
        }
    }

    private static ObjectNode payload(CompactJws jws) throws VcJwtException {
        ObjectNode payload;
        try {
            payload = Json.parseObject(jws.payload());
        } catch (MalformedJsonException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "the JWS payload is not a JSON object (" + e.code().code() + ")", e);
        }
        if (payload.has(VcJwtSpecs.FORBIDDEN_CLAIM_VC) || payload.has(VcJwtSpecs.FORBIDDEN_CLAIM_VP)) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                    "the JWT claims vc and vp MUST NOT be present (VC-JOSE-COSE section 3.1.3)");
        }
        return payload;
    }

    static String controller(JsonNode value, String member) throws VcJwtException {
        String id = value == null ? null : value.isTextual() ? value.textValue() : value.path(CredentialSpecs.ID).textValue();
        if (id == null || !DataModelValidator.isRecurringUrl(id)) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "the payload has no " + member + " URL");
        }
        return id;
    }

    /** The kid; a DID URL kid must be a key of the controller's own DID (VC-JOSE-COSE section 4.1.1). */
    static String kid(CompactJws jws, String controller, VcJwtError mismatch) throws VcJwtException {
        JsonNode kid = jws.header().get("kid");
        if (kid == null || !kid.isTextual() || kid.textValue().isEmpty()) {
            throw new VcJwtException(VcJwtError.KEY_NOT_RESOLVED, "the JOSE header has no kid (VC-JOSE-COSE section 4.1.1)");
        }
        String value = kid.textValue();
        if (value.startsWith("did:")) {
            int hash = value.indexOf('#');
            String did = hash < 0 ? value : value.substring(0, hash);
            if (!did.equals(controller)) {
                throw new VcJwtException(mismatch, "the kid is not a key of " + (mismatch == VcJwtError.ISSUER_MISMATCH ? "the issuer" : "the holder"));
            }
        }
        return value;
    }

    VerificationKey resolveAndVerify(CompactJws jws, String kid, String controller,
            VerificationRelationship relationship) throws VcJwtException {
        Optional<VerificationKey> resolved;
        try {
            resolved = keys.resolve(kid, controller, relationship);
        } catch (CreditMeshException | RuntimeException e) {
            throw new VcJwtException(VcJwtError.KEY_NOT_RESOLVED, "the kid could not be resolved", e);
        }
        if (resolved == null || resolved.isEmpty()) {
            throw new VcJwtException(VcJwtError.KEY_NOT_RESOLVED, "the kid could not be resolved to a key");
        }
        VerificationKey key = resolved.get();
        JWSAlgorithm alg = JWSAlgorithm.parse(jws.alg());
        if (KeyType.fromJwsAlgorithm(alg).orElse(null) != key.type()) {
            throw new VcJwtException(VcJwtError.ALG_NOT_ALLOWED, "alg " + alg + " is not the algorithm of the " + key.type().curveName() + " key");
        }
        if (!new KeyJwsVerifier(key).verify(alg, jws.text(), 0, jws.signingInputLength(), jws.signature())) {
            throw new VcJwtException(VcJwtError.SIGNATURE_INVALID, "the JWS signature does not verify");
        }
        return key;
    }

    void checkJwtTimes(ObjectNode payload, Instant now) throws VcJwtException {
        Optional<Instant> exp = numericDate(payload, VcJwtSpecs.CLAIM_EXP);
        if (exp.isPresent() && !now.minus(leeway).isBefore(exp.get())) {
            throw new VcJwtException(VcJwtError.EXPIRED, "the JWT exp has passed (RFC 7519 section 4.1.4)");
        }
        Optional<Instant> nbf = numericDate(payload, VcJwtSpecs.CLAIM_NBF);
        if (nbf.isPresent() && now.plus(leeway).isBefore(nbf.get())) {
            throw new VcJwtException(VcJwtError.NOT_YET_VALID, "the JWT nbf is in the future (RFC 7519 section 4.1.5)");
        }
        numericDate(payload, VcJwtSpecs.CLAIM_IAT);
    }

    private static Optional<Instant> numericDate(ObjectNode payload, String claim) throws VcJwtException {
        JsonNode value = payload.get(claim);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || !value.canConvertToLong()
                || Math.abs(value.longValue()) > Instant.MAX.getEpochSecond()) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, claim + " is a NumericDate (RFC 7519 section 2)");
        }
        return Optional.of(Instant.ofEpochSecond(value.longValue()));
    }

    private static boolean audienceMatches(JsonNode aud, String expected) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return expected.equals(aud.textValue());
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (expected.equals(a.textValue())) {
                    return true;
                }
            }
        }
        return false;
    }
}
