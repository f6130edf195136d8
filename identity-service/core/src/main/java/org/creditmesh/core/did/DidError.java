package org.creditmesh.core.did;

import org.creditmesh.core.error.ErrorCode;

/**
 * Why a DID, DID URL or DID document was refused or could not be resolved. The codes follow the
 * resolution error names of DID Core 1.0 section 7.1.2 and the did:key specification's errors, in
 * lower snake case.
 */
public enum DidError implements ErrorCode {
    /** Not a DID per the DID Core 1.0 section 3.1 ABNF, or a method-specific id the method refuses. */
    INVALID_DID("invalid_did"),
    /** Not a DID URL per DID Core 1.0 section 3.2. */
    INVALID_DID_URL("invalid_did_url"),
    /** No resolver for the DID method. */
    METHOD_NOT_SUPPORTED("method_not_supported"),
    /** The key type (multicodec, JWK curve, verification method type) is not one CreditMesh supports. */
    UNSUPPORTED_KEY_TYPE("unsupported_key_type"),
    /** Key bytes of the right type that do not decode to a valid public key. */
    INVALID_PUBLIC_KEY("invalid_public_key"),
    /** Key bytes of the wrong length for their multicodec (did:key "invalidPublicKeyLength"). */
    INVALID_PUBLIC_KEY_LENGTH("invalid_public_key_length"),
    /** A DID (did:jwk) or document that carries private key material. */
    PRIVATE_KEY_MATERIAL("private_key_material"),
    /** The DID does not exist (did:web: HTTP 404/410). */
    NOT_FOUND("not_found"),
    /** The DID document is not valid JSON or breaks DID Core's data model. */
    INVALID_DOCUMENT("invalid_document"),
    /** The resolved document's {@code id} is not the DID that was resolved. */
    ID_MISMATCH("id_mismatch"),
    /** The document could not be retrieved (network, TLS, status, content type, size). */
    FETCH_FAILED("fetch_failed"),
    /** The DID URL names no verification method in the document. */
    VERIFICATION_METHOD_NOT_FOUND("verification_method_not_found"),
    /** Not an Ethereum address, or a mixed-case address whose EIP-55 checksum is wrong. */
    INVALID_ETHEREUM_ADDRESS("invalid_ethereum_address");

    private final String code;

    DidError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
