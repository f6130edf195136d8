package org.creditmesh.core.wallet;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.keys.SigningKey;

/**
 * Key proofs of type {@code jwt} (OpenID4VCI 1.0 appendix F.1): {@code typ} {@code openid4vci-proof+jwt}, the
 * holder's public key as {@code jwk}, {@code aud} the credential issuer identifier, {@code iat}, and the
 * {@code c_nonce}; no {@code iss}, since the token came from anonymous pre-authorized code access.
 */
public final class KeyProofs {

    public static final String TYP = "openid4vci-proof+jwt";

    private KeyProofs() {
    }

    public static String jwt(SigningKey holder, String credentialIssuer, Optional<String> nonce, Instant issuedAt)
            throws WalletException {
        JWSHeader header = new JWSHeader.Builder(holder.type().jwsAlgorithm())
                .type(new JOSEObjectType(TYP))
                .jwk(holder.publicKey().toJwk())
                .build();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .audience(credentialIssuer)
                .issueTime(Date.from(issuedAt));
        nonce.ifPresent(n -> claims.claim("nonce", n));
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new KeyJwsSigner(holder));
        } catch (JOSEException e) {
            throw new WalletException(WalletError.PROOF_SIGNING, "the key proof could not be signed", e);
        }
        return jwt.serialize();
    }
}
