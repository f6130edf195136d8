package org.creditmesh.core.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.BigIntegers;

/**
 * Named signing keys (Ed25519, P-256, secp256k1) in a password-protected PKCS#12 file.
 *
 * <p>Design: each key is a PKCS#12 <em>secret-key</em> entry (RFC 7292 secretBag) whose value is the
 * key's PKCS#8 {@code PrivateKeyInfo} DER (RFC 5958; RFC 8410 for Ed25519), encrypted by the JDK's
 * PKCS12 keystore with PBES2/AES-256. Why not ordinary private-key entries: those need a certificate
 * chain, and the JDK has no secp256k1 (removed in JDK 16), so it could neither build nor read such a
 * certificate; BouncyCastle's PKCS12 keystore could, but would add bcpkix at run time and a second
 * keystore implementation. Secret-key entries work for all three curves with the JDK alone, the
 * PKCS#8 bytes name the algorithm and curve themselves, and the file stays a standard PKCS#12 that
 * {@code keytool -list} reads with the password.
 *
 * <p>Every change is written to a temporary file in the same folder (owner read/write only where the
 * file system is POSIX) and moved over the old file atomically, so a crash never leaves a half-written
 * keystore. The file is re-read on each call, so several processes see each other's changes; calls on
 * one instance are serialized, but two processes writing at the same moment are not coordinated
 * (the last move wins): run one writer per file. Private keys and the password never appear in messages or
 * {@link #toString()}.
 */
public final class FileKeyStore {

    private static final String TYPE = "PKCS12";
    /** RFC 8410 section 3: id-Ed25519 (BouncyCastle keeps its constant in an internal package). */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final char[] password;

    private FileKeyStore(Path file, char[] password) {
        this.file = file.toAbsolutePath().normalize();
        this.password = password;
    }

    /**
     * The keystore at {@code file} (created on the first {@link #store}) with {@code password}, which is
     * copied. An existing file is opened at once, so a wrong password fails here.
     */
    public static FileKeyStore open(Path file, char[] password) throws KeyException {
        Objects.requireNonNull(file, "file");
        if (password == null || password.length == 0) {
            throw new KeyException(KeyError.KEYSTORE, "a keystore password is required");
        }
        FileKeyStore store = new FileKeyStore(file, password.clone());
        if (Files.exists(store.file)) {
            store.load();
        }
        return store;
    }

    /** As {@link #open(Path, char[])} with the password in the environment variable {@code variable}. */
    public static FileKeyStore openWithPasswordFromEnv(Path file, String variable) throws KeyException {
        return openWithPasswordFromEnv(file, variable, System.getenv());
    }

    /** As {@link #openWithPasswordFromEnv(Path, String)} reading from {@code environment} (tests pass a map). */
    public static FileKeyStore openWithPasswordFromEnv(Path file, String variable, Map<String, String> environment)
            throws KeyException {
        Objects.requireNonNull(variable, "variable");
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            throw new KeyException(KeyError.KEYSTORE, "the environment variable " + variable + " holding the keystore password is not set");
        }
        return open(file, value.toCharArray());
    }

    /** The keystore file. */
    public Path file() {
        return file;
    }

    /** Stores {@code key} under {@code alias}, replacing a key of that name. */
    public synchronized void store(String alias, SigningKey key) throws KeyException {
        checkAlias(alias);
        Objects.requireNonNull(key, "key");
        KeyStore ks = Files.exists(file) ? load() : empty();
        byte[] pkcs8 = pkcs8(key);
        try {
            ks.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(pkcs8, algorithmName(key.type()))),
                    new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw new KeyException(KeyError.KEYSTORE, "could not add the key to the keystore", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        write(ks);
    }

    /** The key stored under {@code alias}; {@link KeyError#KEY_NOT_FOUND} if there is none. */
    public synchronized SigningKey load(String alias) throws KeyException {
        checkAlias(alias);
        if (!Files.exists(file)) {
            throw new KeyException(KeyError.KEY_NOT_FOUND, "no key named " + alias);
        }
        KeyStore ks = load();
        byte[] pkcs8 = null;
        try {
            if (!ks.isKeyEntry(alias)) {
                throw new KeyException(KeyError.KEY_NOT_FOUND, "no key named " + alias);
            }
            if (!(ks.getKey(alias, password) instanceof SecretKey secret)) {
                throw new KeyException(KeyError.KEYSTORE, "entry " + alias + " is not a CreditMesh signing key");
            }
            pkcs8 = secret.getEncoded();
            return fromPkcs8(pkcs8);
        } catch (UnrecoverableKeyException e) {
            throw new KeyException(KeyError.WRONG_KEYSTORE_PASSWORD, "the key " + alias + " cannot be decrypted with the password", e);
        } catch (GeneralSecurityException e) {
            throw new KeyException(KeyError.KEYSTORE, "could not read the key " + alias, e);
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    /** The names of the stored keys, sorted. */
    public synchronized List<String> list() throws KeyException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> aliases = new ArrayList<>(Collections.list(load().aliases()));
            Collections.sort(aliases);
            return List.copyOf(aliases);
        } catch (GeneralSecurityException e) {
            throw new KeyException(KeyError.KEYSTORE, "could not list the keystore", e);
        }
    }

    /** Removes the key {@code alias}; false if there was none. */
    public synchronized boolean delete(String alias) throws KeyException {
        checkAlias(alias);
        if (!Files.exists(file)) {
            return false;
        }
        KeyStore ks = load();
        try {
            if (!ks.containsAlias(alias)) {
                return false;
            }
            ks.deleteEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new KeyException(KeyError.KEYSTORE, "could not delete the key " + alias, e);
        }
        write(ks);
        return true;
    }

    // ---- file ----

    private KeyStore empty() throws KeyException {
        try {
            KeyStore ks = KeyStore.getInstance(TYPE);
            ks.load(null, null);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyException(KeyError.KEYSTORE, "the JDK has no PKCS12 keystore", e);
        }
    }

    private KeyStore load() throws KeyException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(TYPE);
            ks.load(in, password);
            return ks;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new KeyException(KeyError.WRONG_KEYSTORE_PASSWORD, "the keystore password is incorrect", e);
            }
            throw new KeyException(KeyError.KEYSTORE, "cannot read the keystore " + file.getFileName(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyException(KeyError.KEYSTORE, "cannot read the keystore " + file.getFileName(), e);
        }
    }

    private void write(KeyStore ks) throws KeyException {
        Path dir = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attrs);
            try (OutputStream out = Files.newOutputStream(temp)) {
                ks.store(out, password);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyException(KeyError.KEYSTORE, "cannot write the keystore " + file.getFileName(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The failure above is what the caller needs to know about.
                }
            }
        }
    }

    // ---- PKCS#8 ----

    /** The JDK keystore stores the algorithm name with the secret; it must be one the JDK knows. */
    private static String algorithmName(KeyType type) {
        return type == KeyType.ED25519 ? "Ed25519" : "EC";
    }

    static byte[] pkcs8(SigningKey key) throws KeyException {
        JWK jwk = key.exportPrivateJwk();
        byte[] d = jwk instanceof OctetKeyPair okp ? okp.getD().decode() : ((ECKey) jwk).getD().decode();
        try {
            PrivateKeyInfo info = switch (key.type()) {
                // RFC 8410 section 7: the privateKey OCTET STRING wraps the CurvePrivateKey OCTET STRING.
                case ED25519 -> new PrivateKeyInfo(new AlgorithmIdentifier(ID_ED25519), new DEROctetString(d));
                case P256 -> ecInfo(X9ObjectIdentifiers.prime256v1, d);
                case SECP256K1 -> ecInfo(SECObjectIdentifiers.secp256k1, d);
            };
            return info.getEncoded("DER");
        } catch (IOException e) {
            throw new KeyException(KeyError.KEYSTORE, "cannot encode the key as PKCS#8", e);
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    private static PrivateKeyInfo ecInfo(ASN1ObjectIdentifier curve, byte[] d) throws IOException {
        // RFC 5915 ECPrivateKey; the curve is in the algorithm parameters (RFC 5480 section 2.1.1).
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve),
                new ECPrivateKey(256, new BigInteger(1, d), null));
    }

    static SigningKey fromPkcs8(byte[] der) throws KeyException {
        byte[] secret = null;
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
            ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
            KeyType type;
            if (ID_ED25519.equals(algorithm)) {
                type = KeyType.ED25519;
                secret = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
                if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
                    type = KeyType.P256;
                } else if (SECObjectIdentifiers.secp256k1.equals(curve)) {
                    type = KeyType.SECP256K1;
                } else {
                    throw new KeyException(KeyError.UNSUPPORTED_KEY_TYPE, "unsupported EC curve in the keystore");
                }
                BigInteger d = ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
                if (d.bitLength() > 256) {
                    throw new KeyException(KeyError.INVALID_KEY, "EC private key out of range");
                }
                secret = BigIntegers.asUnsignedByteArray(32, d);
            } else {
                throw new KeyException(KeyError.UNSUPPORTED_KEY_TYPE, "unsupported key algorithm in the keystore");
            }
            return SigningKey.fromPrivateBytes(type, secret);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new KeyException(KeyError.KEYSTORE, "a keystore entry is not a PKCS#8 private key", e);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    private static void checkAlias(String alias) throws KeyException {
        // The JDK's PKCS12 keystore lower-cases aliases; allowing only lower case avoids two names for one entry.
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new KeyException(KeyError.KEYSTORE, "a key name is 1-64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
    }

    /** The file only; never the password or keys. */
    @Override
    public String toString() {
        return "FileKeyStore[" + file + "]";
    }
}
