package org.creditmesh.identity.server.oid4vci;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets of the pre-authorized code flow and how they are kept: random values from {@link SecureRandom},
 * stored as SHA-256 hashes (they have 256 bits of entropy, so a plain hash cannot be guessed back); the short
 * numeric tx_code as an HMAC under the server secret (a plain hash of six digits could); the offered credential
 * AES-256-GCM encrypted under a key derived from the server secret, bound to its offer id as associated data.
 * The pre-authorized code is derived from the offer id (HMAC), so the database never holds it.
 */
final class OfferSecrets {

    private static final int NONCE_BYTES = 12;
    private final byte[] secret;
    private final byte[] encryptionKey;
    private final SecureRandom random = new SecureRandom();

    OfferSecrets(byte[] serverSecret) {
        this.secret = serverSecret.clone();
        this.encryptionKey = hmac("oid4vci-offer-credential-key", new byte[0]);
    }

    /** 32 random bytes, base64url without padding. */
    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A numeric transaction code of {@code length} digits. */
    String randomDigits(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    String preAuthorizedCode(String offerId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac("pre-authorized-code", utf8(offerId)));
    }

    String txCodeHash(String offerId, String txCode) {
        return HexFormat.of().formatHex(hmac("tx-code", utf8(offerId + "\u0000" + txCode)));
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(value)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(utf8(a), utf8(b));
    }

    byte[] encrypt(String offerId, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] ct = cipher(Cipher.ENCRYPT_MODE, offerId, nonce).doFinal(utf8(plaintext));
            return ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is a required JDK algorithm", e);
        }
    }

    String decrypt(String offerId, byte[] stored) throws GeneralSecurityException {
        byte[] nonce = Arrays.copyOf(stored, NONCE_BYTES);
        byte[] plain = cipher(Cipher.DECRYPT_MODE, offerId, nonce).doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        return new String(plain, StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode, String offerId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(utf8(offerId));
        return cipher;
    }

    private byte[] hmac(String label, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(utf8(label));
            mac.update((byte) 0);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is a required JDK algorithm", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
