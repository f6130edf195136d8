package org.creditmesh.core.sdjwt;

/**
 * Bounds on what a parser accepts, so that an oversized SD-JWT is refused before any hashing or JSON work.
 * Credentials of this project carry a few dozen disclosures and a few KB.
 *
 * @param maxBytes       longest serialized SD-JWT (characters) accepted
 * @param maxDisclosures most disclosures accepted
 */
public record SdJwtLimits(int maxBytes, int maxDisclosures) {

    public static final SdJwtLimits DEFAULT = new SdJwtLimits(256 * 1024, 256);

    public SdJwtLimits {
        if (maxBytes <= 0 || maxDisclosures < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
