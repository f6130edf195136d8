package org.creditmesh.core.did;

/**
 * Turns a DID into its DID document (DID Core 1.0 section 7.1) and a DID URL into the verification
 * method it names (section 7.2, dereferencing a fragment within the resolved document).
 */
public interface DidResolver {

    /** The document of {@code did}; a typed {@link DidException} for every failure. */
    DidDocument resolve(String did) throws DidException;

    /**
     * The verification method a DID URL with a fragment names, e.g. {@code did:key:z6Mk...#z6Mk...}.
     * A DID URL without a fragment, or one naming nothing in the document, is
     * {@link DidError#VERIFICATION_METHOD_NOT_FOUND}.
     */
    default VerificationMethod resolveVerificationMethod(String didUrl) throws DidException {
        DidUrl url = DidUrl.parse(didUrl);
        if (url.fragment() == null || !url.path().isEmpty() || url.query() != null) {
            throw new DidException(DidError.VERIFICATION_METHOD_NOT_FOUND,
                    "a verification method is named by a DID URL with a fragment and no path or query");
        }
        DidDocument document = resolve(url.did().toString());
        return document.findVerificationMethod(url.toString()).orElseThrow(() -> new DidException(
                DidError.VERIFICATION_METHOD_NOT_FOUND, "the document of " + url.did() + " has no method #" + url.fragment()));
    }
}
