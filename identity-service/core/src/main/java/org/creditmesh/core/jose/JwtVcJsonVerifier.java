package org.creditmesh.core.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.credential.DataModelException;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.credential.VcdmVersion;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Verifies a VCDM 1.1 JWT credential ({@code jwt_vc_json}, VCDM 1.1 section 6.3): the same JOSE rules as
 * {@link VcJwtVerifier} (compact JWS, allowed {@code alg}, no {@code crit}, {@code kid} a key of the issuer,
 * signature, {@code exp}/{@code nbf}) with {@code typ} {@code JWT}; the credential is {@code vc} completed by the
 * registered claims (section 6.3.2), must be a VCDM 1.1 credential, and no claim may contradict it.
 */
public final class JwtVcJsonVerifier {

    private final VcJwtVerifier jose;
    private final DataModelValidator validator;
    private final Clock clock;

    public JwtVcJsonVerifier(KeyResolver keys, DataModelValidator validator, Clock clock) {
        this.jose = new VcJwtVerifier(keys, validator, clock);
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public VerifiedCredential verify(String jwt) throws VcJwtException {
        CompactJws jws = CompactJws.parse(jwt);
        VcJwtVerifier.checkHeader(jws, VcJwtSpecs.TYP_JWT);
        ObjectNode payload;
        try {
            payload = Json.parseObject(jws.payload());
        } catch (MalformedJsonException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "the JWS payload is not a JSON object (" + e.code().code() + ")", e);
        }
        ObjectNode vc = Vcdm11Jwt.decode(payload);
        String issuer = VcJwtVerifier.controller(vc.get(CredentialSpecs.ISSUER), "issuer");
        String kid = VcJwtVerifier.kid(jws, issuer, VcJwtError.ISSUER_MISMATCH);
        VerificationKey key = jose.resolveAndVerify(jws, kid, issuer, VerificationRelationship.ASSERTION_METHOD);
        Credential credential;
        try {
            credential = Credential.fromOwned(vc, validator);
        } catch (DataModelException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                    "vc is not a valid credential (" + e.code().code() + ": " + e.getMessage() + ")", e);
        }
        if (credential.version() != VcdmVersion.V1_1) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID,
                    "the vc claim carries a VCDM 1.1 credential; VCDM 2.0 credentials are secured as vc+jwt");
        }
        Instant now = clock.instant();
        jose.checkJwtTimes(payload, now);
        if (credential.validUntil().map(now::isAfter).orElse(false)) {
            throw new VcJwtException(VcJwtError.EXPIRED, "the credential's expirationDate has passed");
        }
        return new VerifiedCredential(credential, kid, jws.alg(), key);
    }
}
