package org.creditmesh.core.sdjwt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Digest algorithms for {@code _sd_alg}, named as in the IANA "Named Information Hash Algorithm"
 * registry (RFC 9901 section 4.1.1). {@code sha-256} is the default and what we issue.
 */
public enum HashAlgorithm {
    SHA_256("sha-256", "SHA-256"),
    SHA_384("sha-384", "SHA-384"),
    SHA_512("sha-512", "SHA-512");

    private final String ianaName;
    private final String jcaName;
    /** Cloned per digest: {@code MessageDigest.getInstance} walks the provider list on every call. */
    private final MessageDigest prototype;

    HashAlgorithm(String ianaName, String jcaName) {
        this.ianaName = ianaName;
        this.jcaName = jcaName;
        this.prototype = newInstance(jcaName);
    }

    /** The value of {@code _sd_alg}. */
    public String ianaName() {
        return ianaName;
    }

    public byte[] digest(byte[] input) {
        return newDigest().digest(input);
    }

    /** A fresh digest of this algorithm, for input fed in parts. */
    MessageDigest newDigest() {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newInstance(jcaName);
        }
    }

    private static MessageDigest newInstance(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256/384/512.
            throw new IllegalStateException(jcaName + " missing from the JDK", e);
        }
    }

    public static Optional<HashAlgorithm> fromIanaName(String name) {
        for (HashAlgorithm alg : values()) {
            if (alg.ianaName.equals(name)) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }
}
