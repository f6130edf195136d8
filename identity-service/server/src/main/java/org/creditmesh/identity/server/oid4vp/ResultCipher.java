package org.creditmesh.identity.server.oid4vp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a presentation result at rest: AES-256-GCM under a key derived (HMAC-SHA-256) from the server secret and
 * the request id, with the request id as associated data, so a result cannot be read from the database alone nor
 * moved to another request's row.
 */
final class ResultCipher {

    private static final int NONCE_BYTES = 12;
    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    ResultCipher(byte[] secret) {
        this.secret = secret.clone();
    }

    byte[] encrypt(String requestId, String result) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] ct = cipher(Cipher.ENCRYPT_MODE, requestId, nonce).doFinal(result.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is a required JDK algorithm", e);
        }
    }

    String decrypt(String requestId, byte[] stored) throws GeneralSecurityException {
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, requestId, Arrays.copyOf(stored, NONCE_BYTES));
        return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode, String requestId, byte[] nonce) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update("oid4vp-result".getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] key = mac.doFinal(requestId.getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(requestId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
