package org.creditmesh.core.jose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.credential.DataModelException;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.credential.EnvelopedCredential;
import org.creditmesh.core.credential.Presentation;
import org.creditmesh.core.credential.VcdmVersion;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.SigningKey;

/**
 * Secures credentials as {@code vc+jwt} and presentations as {@code vp+jwt} (VC-JOSE-COSE sections 3.1.1
 * and 3.1.2): a compact JWS whose payload is the credential or presentation JSON itself, with
 * {@code typ} {@code vc+jwt}/{@code vp+jwt}, the {@code kid} of the signing key (a DID URL, which then
 * MUST be present, section 4.1.1) and, if asked, {@code cty} {@code vc}/{@code vp}. Signs through
 * {@link KeyJwsSigner}.
 *
 * <p>JWT claims are added only where the specification gives them a meaning: {@code iat} and {@code exp}
 * describe the signature, not the credential (section 3.1.3), so they are off unless configured;
 * {@code nbf} is NOT RECOMMENDED and never set; {@code vc}/{@code vp} claims MUST NOT be present. A
 * presentation carries the verifier's {@code nonce} and {@code aud}.
 */
public final class VcJwtIssuer {

    private final SigningKey key;
    private final String kid;
    private final Clock clock;
    private final boolean contentType;
    private final boolean issuedAt;
    private final Duration signatureLifetime;

    /** Signs with {@code key}, naming it by {@code kid} (e.g. {@code did:key:z6Mk...#z6Mk...}). */
    public VcJwtIssuer(SigningKey key, String kid) {
        this(key, kid, Clock.systemUTC(), false, false, null);
    }

    private VcJwtIssuer(SigningKey key, String kid, Clock clock, boolean contentType, boolean issuedAt, Duration signatureLifetime) {
        this.key = Objects.requireNonNull(key, "key");
        this.kid = Objects.requireNonNull(kid, "kid");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.contentType = contentType;
        this.issuedAt = issuedAt;
        this.signatureLifetime = signatureLifetime;
    }

    /** Adds {@code cty: vc} / {@code cty: vp} (optional, sections 3.1.1 and 3.1.2). */
    public VcJwtIssuer withContentType() {
        return new VcJwtIssuer(key, kid, clock, true, issuedAt, signatureLifetime);
    }

    /** Adds {@code iat}, the time of signing by {@code clock} (section 3.1.3). */
    public VcJwtIssuer withIssuedAt(Clock clock) {
        return new VcJwtIssuer(key, kid, clock, contentType, true, signatureLifetime);
    }

    /** Adds {@code exp}, the end of the signature's validity, {@code lifetime} after signing (section 3.1.3). */
    public VcJwtIssuer withSignatureLifetime(Clock clock, Duration lifetime) {
        return new VcJwtIssuer(key, kid, clock, contentType, issuedAt, Objects.requireNonNull(lifetime, "lifetime"));
    }

    /** The credential as a {@code vc+jwt} compact JWS. */
    public String issue(Credential credential) throws VcJwtException {
        if (credential.version() != VcdmVersion.V2_0) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "vc+jwt secures VCDM 2.0 credentials (VC-JOSE-COSE section 3.1.1)");
        }
        requireOwnKid(credential.issuer(), "issuer");
        ObjectNode payload = credential.json();
        return sign(payload, VcJwtSpecs.TYP_VC, VcJwtSpecs.CTY_VC);
    }

    /**
     * The presentation as a {@code vp+jwt}, bound to the verifier's challenge by {@code nonce} and
     * {@code aud}. Its credentials must already be enveloped (section 3.1.2: credentials in presentations
     * MUST use EnvelopedVerifiableCredential).
     */
    public String present(Presentation presentation, String nonce, String audience) throws VcJwtException {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(audience, "audience");
        requireOwnKid(presentation.holder().orElseThrow(() -> new VcJwtException(VcJwtError.HOLDER_BINDING_FAILED,
                "a vp+jwt names its holder, who signs it")), "holder");
        for (ObjectNode entry : presentation.verifiableCredentials()) {
            if (!DataModelValidator.types(entry).contains(CredentialSpecs.TYPE_ENVELOPED_CREDENTIAL)) {
                throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                        "credentials in a vp+jwt are EnvelopedVerifiableCredential objects (VC-JOSE-COSE section 3.1.2)");
            }
        }
        ObjectNode payload = presentation.json();
        payload.put(VcJwtSpecs.CLAIM_NONCE, nonce);
        payload.put(VcJwtSpecs.CLAIM_AUD, audience);
        return sign(payload, VcJwtSpecs.TYP_VP, VcJwtSpecs.CTY_VP);
    }

    /**
     * An unsigned presentation for {@code holder} that envelopes the given {@code vc+jwt}s as
     * {@code data:application/vc+jwt,<jwt>} (VCDM 2.0 section 4.13.1).
     */
    public static Presentation envelop(String holder, List<String> vcJwts) throws VcJwtException {
        ObjectNode vp = Json.mapper().createObjectNode();
        vp.putArray(CredentialSpecs.CONTEXT).add(CredentialSpecs.CONTEXT_V2);
        vp.put(CredentialSpecs.TYPE, CredentialSpecs.TYPE_VERIFIABLE_PRESENTATION);
        vp.put(CredentialSpecs.HOLDER, holder);
        ArrayNode credentials = vp.putArray(CredentialSpecs.VERIFIABLE_CREDENTIAL);
        for (String jwt : vcJwts) {
            credentials.add(new EnvelopedCredential(VcJwtSpecs.MEDIA_TYPE_VC_JWT, jwt).toJson());
        }
        try {
            return Presentation.from(vp);
        } catch (DataModelException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "the presentation is not valid (" + e.code().code() + ")", e);
        }
    }

    /** A DID URL kid must be a key of the signer's own DID, or verifiers refuse it (VC-JOSE-COSE section 4.1.1). */
    private void requireOwnKid(String controller, String role) throws VcJwtException {
        if (kid.startsWith("did:")) {
            int hash = kid.indexOf('#');
            String did = hash < 0 ? kid : kid.substring(0, hash);
            if (!did.equals(controller)) {
                throw new VcJwtException(role.equals("issuer") ? VcJwtError.ISSUER_MISMATCH : VcJwtError.HOLDER_BINDING_FAILED,
                        "the kid is not a key of the " + role + "'s DID");
            }
        }
    }

    private String sign(ObjectNode payload, String typ, String cty) throws VcJwtException {
        if (payload.has(VcJwtSpecs.FORBIDDEN_CLAIM_VC) || payload.has(VcJwtSpecs.FORBIDDEN_CLAIM_VP)) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                    "the JWT claims vc and vp MUST NOT be present (VC-JOSE-COSE section 3.1.3)");
        }
        Instant now = clock.instant();
        if (issuedAt) {
            payload.put(VcJwtSpecs.CLAIM_IAT, now.getEpochSecond());
        }
        if (signatureLifetime != null) {
            payload.put(VcJwtSpecs.CLAIM_EXP, now.plus(signatureLifetime).getEpochSecond());
        }
        JWSHeader.Builder header = new JWSHeader.Builder(key.type().jwsAlgorithm())
                .type(new JOSEObjectType(typ))
                .keyID(kid);
        if (contentType) {
            header.contentType(cty);
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(Json.write(payload).getBytes(StandardCharsets.UTF_8)));
        try {
            jws.sign(new KeyJwsSigner(key));
        } catch (JOSEException e) {
            throw new VcJwtException(VcJwtError.ALG_NOT_ALLOWED, "the key cannot sign with " + key.type().jwsAlgorithm(), e);
        }
        return jws.serialize();
    }
}
