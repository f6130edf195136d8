package org.creditmesh.core.jose;

import org.creditmesh.core.error.ErrorCode;

/** Why a {@code vc+jwt} or {@code vp+jwt} was refused. */
public enum VcJwtError implements ErrorCode {
    /** Not a compact JWS: wrong number of parts, bad base64url, header not a JSON object, no {@code alg}. */
    MALFORMED_JWS("malformed_jws"),
    /** A JWE (five parts or an {@code enc} header): decrypt first, then verify the nested JWS. */
    JWE_NOT_SUPPORTED("jwe_not_supported"),
    /** {@code alg: none}: an unsecured JWS (RFC 7518 section 3.6) is never accepted. */
    ALG_NONE("alg_none"),
    /** An algorithm outside EdDSA/Ed25519/ES256/ES256K, e.g. HS256 (RFC 8725 section 2.1), or not the key's. */
    ALG_NOT_ALLOWED("alg_not_allowed"),
    /** A {@code crit} header this implementation does not understand (RFC 7515 section 4.1.11). */
    UNKNOWN_CRIT("unknown_crit"),
    /** {@code typ} is not {@code vc+jwt} / {@code vp+jwt} (VC-JOSE-COSE sections 3.1.1, 3.1.2; RFC 8725 section 3.11). */
    WRONG_TYP("wrong_typ"),
    /** The signature does not verify, or is absent. */
    SIGNATURE_INVALID("signature_invalid"),
    /** No {@code kid}, or the resolver could not produce a key for it. */
    KEY_NOT_RESOLVED("key_not_resolved"),
    /** The {@code kid}'s DID or the {@code iss} claim is not the credential's issuer (VC-JOSE-COSE section 4.1). */
    ISSUER_MISMATCH("issuer_mismatch"),
    /** The payload is not a valid credential / presentation, or carries a {@code vc}/{@code vp} claim. */
    PAYLOAD_INVALID("payload_invalid"),
    /** Past {@code exp}, or past the credential's {@code validUntil}. */
    EXPIRED("expired"),
    /** Before {@code nbf}, or before the credential's {@code validFrom}. */
    NOT_YET_VALID("not_yet_valid"),
    /** The presentation's {@code nonce} is not the verifier's challenge. */
    NONCE_MISMATCH("nonce_mismatch"),
    /** The presentation's {@code aud} does not name this verifier. */
    AUDIENCE_MISMATCH("audience_mismatch"),
    /** The presentation is not signed by its holder, or the holder is not the subject of a credential in it. */
    HOLDER_BINDING_FAILED("holder_binding_failed");

    private final String code;

    VcJwtError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
