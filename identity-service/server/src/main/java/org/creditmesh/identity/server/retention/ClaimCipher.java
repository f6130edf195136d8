package org.creditmesh.identity.server.retention;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM (the JDK's) for one retained record: a random 96-bit nonce per record, a 128-bit tag, and the record's
 * id (the credential id) as additional authenticated data, so a ciphertext copied into another row fails to decrypt
 * there instead of showing one subject's claims as another's.
 */
public final class ClaimCipher {

    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AAD_LABEL = "creditmesh retained claims\0";

    private final SecureRandom random = new SecureRandom();

    /** A sealed record: the key's id, the nonce, and ciphertext || tag. */
    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
        public Sealed {
            if (nonce.length != NONCE_BYTES) {
                throw new IllegalArgumentException("the nonce is " + NONCE_BYTES + " bytes");
            }
            nonce = nonce.clone();
            ciphertext = ciphertext.clone();
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }

        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }
    }

    public Sealed seal(String keyId, SecretKey key, String recordId, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, recordId, nonce);
            return new Sealed(keyId, nonce, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is a required JDK algorithm", e);
        }
    }

    /** The plaintext; {@link javax.crypto.AEADBadTagException} when the key, nonce, record id or bytes do not match. */
    public String open(SecretKey key, String recordId, Sealed sealed) throws GeneralSecurityException {
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, recordId, sealed.nonce());
        return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, SecretKey key, String recordId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((AAD_LABEL + recordId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
