package org.creditmesh.core.sdjwt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Decoy digests (RFC 9901 section 4.2.5): hashes of random salts, so they have the length and alphabet of
 * real digests and hide how many claims are selectively disclosable. A decoy is the digest of a random
 * value, never of a disclosure, so no disclosure can ever match it.
 */
public final class DecoyGen {

    private final SecureRandom random;
    private final int min;
    private final int max;

    private DecoyGen(SecureRandom random, int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("decoy range must satisfy 0 <= min <= max");
        }
        this.random = Objects.requireNonNull(random, "random");
        this.min = min;
        this.max = max;
    }

    /** No decoys. */
    public static DecoyGen none() {
        return new DecoyGen(new SecureRandom(), 0, 0);
    }

    /** Between {@code min} and {@code max} decoys (uniformly) for each object or array with disclosable content. */
    public static DecoyGen between(int min, int max) {
        return new DecoyGen(new SecureRandom(), min, max);
    }

    /** Exactly {@code count} decoys per object or array with disclosable content. */
    public static DecoyGen exactly(int count) {
        return new DecoyGen(new SecureRandom(), count, count);
    }

    /** How many decoys to add to the next object or array. */
    public int nextCount() {
        return min == max ? min : min + random.nextInt(max - min + 1);
    }

    /** {@code count} fresh decoy digests. */
    public List<DisclosureDigest> generate(int count, HashAlgorithm alg) {
        List<DisclosureDigest> decoys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] seed = new byte[SdJwtSpecs.MIN_SALT_BYTES * 2];
            random.nextBytes(seed);
            decoys.add(DisclosureDigest.ofText(Base64.getUrlEncoder().withoutPadding().encodeToString(seed), alg));
        }
        return decoys;
    }
}
