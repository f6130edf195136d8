package org.creditmesh.identity.server.issuance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps stored idempotent responses unreadable from the database alone. The request hash is an HMAC under the
 * server secret (a plain hash of a small credential could be guessed); the response is AES-256-GCM encrypted
 * under a key derived (HMAC-SHA-256) from the server secret, the Idempotency-Key and the request body — only a
 * retry of the very same request can decrypt it, and that request already carries every claim.
 */
final class IdempotencyCipher {

    private static final int NONCE_BYTES = 12;
    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    IdempotencyCipher(byte[] secret) {
        this.secret = secret.clone();
    }

    String requestHash(String key, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, "request-hash", key, body));
    }

    byte[] encrypt(String key, byte[] body, String response) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, body, nonce);
            byte[] ct = cipher.doFinal(response.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is a required JDK algorithm", e);
        }
    }

    String decrypt(String key, byte[] body, byte[] stored) throws GeneralSecurityException {
        byte[] nonce = Arrays.copyOf(stored, NONCE_BYTES);
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, body, nonce);
        return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode, String key, byte[] body, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(mac(secret, "response-key", key, body), "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(key.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] mac(byte[] secret, String label, String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(key.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is a required JDK algorithm", e);
        }
    }
}
