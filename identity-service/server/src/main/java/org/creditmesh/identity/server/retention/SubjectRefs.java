package org.creditmesh.identity.server.retention;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.creditmesh.identity.server.keys.IssuerKeys;

/**
 * The stored stand-in for a subject's identifier: HMAC-SHA-256 under a key derived from the server secret. A plain
 * hash would not do: DIDs are public, so anyone could hash a DID and look it up; without the server secret the
 * reference says nothing about whose it is. The same identifier always gives the same reference, which is what
 * erasure and access requests need.
 */
@ApplicationScoped
public class SubjectRefs {

    /** Prefix of the references as the audit log shows them. */
    public static final String PREFIX = "subject:hmac-sha256:";

    @Inject
    IssuerKeys keys;

    private byte[] key;

    @PostConstruct
    void init() {
        key = hmac(keys.secret(), "creditmesh subject reference key".getBytes(StandardCharsets.UTF_8));
    }

    /** The reference of {@code subjectId}, 64 hex digits. */
    public String of(String subjectId) {
        return HexFormat.of().formatHex(hmac(key, subjectId.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is a required JDK algorithm", e);
        }
    }
}
