package org.creditmesh.core.did;

/** A resolver for one DID method, which {@link CompositeDidResolver} dispatches to by name. */
public interface DidMethodResolver extends DidResolver {

    /** The method name this resolver handles, e.g. {@code key}. */
    String method();

    /**
     * Whether resolving the same DID always yields the same document, so that a cache may keep it
     * forever (did:key and did:jwk derive the document from the DID itself).
     */
    default boolean deterministic() {
        return false;
    }

    /** Parses {@code did} and checks that it is of this resolver's method. */
    default Did requireMethod(String did) throws DidException {
        Did parsed = Did.parse(did);
        if (!parsed.method().equals(method())) {
            throw new DidException(DidError.METHOD_NOT_SUPPORTED,
                    "this resolver handles did:" + method() + ", not did:" + parsed.method());
        }
        return parsed;
    }
}
