package org.creditmesh.core.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.DataModelException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.SigningKey;

/**
 * Secures a credential as a VCDM 1.1 JWT (VCDM 1.1 section 6.3.1): OpenID4VCI 1.0's {@code jwt_vc_json}
 * (Appendix A.1.1), which wallets built for that format expect instead of a VC-JOSE-COSE {@code vc+jwt}. A VCDM 2.0
 * credential is carried in its VCDM 1.1 form (see {@link Vcdm11Jwt#toVcdm11}); header {@code typ} {@code JWT}
 * and the {@code kid} of the issuer's key, which must be a key of the issuer's DID.
 */
public final class JwtVcJsonIssuer {

    private final SigningKey key;
    private final String kid;
    private final Clock clock;

    public JwtVcJsonIssuer(SigningKey key, String kid, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.kid = Objects.requireNonNull(kid, "kid");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The credential as a compact JWS whose payload has the {@code vc} claim. */
    public String issue(Credential credential) throws VcJwtException {
        if (kid.startsWith("did:") && !kid.split("#", 2)[0].equals(credential.issuer())) {
            throw new VcJwtException(VcJwtError.ISSUER_MISMATCH, "the kid is not a key of the issuer's DID");
        }
        ObjectNode claims;
        try {
            claims = Vcdm11Jwt.claims(Vcdm11Jwt.toVcdm11(credential), credential.issuer(), clock.instant());
        } catch (DataModelException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "the credential's dates cannot be encoded: " + e.getMessage(), e);
        }
        JWSHeader header = new JWSHeader.Builder(key.type().jwsAlgorithm()).type(new JOSEObjectType(VcJwtSpecs.TYP_JWT))
                .keyID(kid).build();
        JWSObject jws = new JWSObject(header, new Payload(Json.write(claims).getBytes(StandardCharsets.UTF_8)));
        try {
            jws.sign(new KeyJwsSigner(key));
        } catch (JOSEException e) {
            throw new VcJwtException(VcJwtError.ALG_NOT_ALLOWED, "the key cannot sign with " + key.type().jwsAlgorithm(), e);
        }
        return jws.serialize();
    }
}
