package org.creditmesh.cli;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.keys.FileKeyStore;
import org.creditmesh.core.keys.KeyError;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;

/**
 * Where the CLI's keys come from: a private JWK file given with {@code --key}, or a named key in the
 * user's keystore ({@code keystore.p12} in the CreditMesh folder). The keystore's password is
 * {@code $CREDITMESH_KEYSTORE_PASSWORD}, else a random one the CLI generates once into
 * {@code keystore.password}, readable by the owner only.
 */
final class Keys {

    /** The key used when a command is given none: an Ed25519 key, created on first use. */
    static final String DEFAULT_ALIAS = "default";
    static final String PASSWORD_VARIABLE = "CREDITMESH_KEYSTORE_PASSWORD";

    private Keys() {
    }

    /** The user's keystore. */
    static FileKeyStore keystore() throws IOException, KeyException {
        Path home = UserHome.dir();
        String fromEnv = System.getenv(PASSWORD_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return FileKeyStore.open(home.resolve("keystore.p12"), fromEnv.toCharArray());
        }
        Path passwordFile = home.resolve("keystore.password");
        if (!Files.exists(passwordFile)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            writeOwnerOnly(passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        return FileKeyStore.open(home.resolve("keystore.p12"), password);
    }

    /** The key in {@code keyFile} (a private JWK), or the keystore's key {@code alias}, or the default key. */
    static SigningKey signingKey(Path keyFile, String alias) throws IOException, KeyException {
        if (keyFile != null) {
            return readPrivateJwk(keyFile);
        }
        FileKeyStore store = keystore();
        String name = alias == null ? DEFAULT_ALIAS : alias;
        if (alias == null && !store.list().contains(DEFAULT_ALIAS)) {
            store.store(DEFAULT_ALIAS, SigningKey.generate(KeyType.ED25519));
        }
        return store.load(name);
    }

    static SigningKey readPrivateJwk(Path file) throws IOException, KeyException {
        try {
            return SigningKey.fromJwk(JWK.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (ParseException e) {
            throw new KeyException(KeyError.INVALID_JWK, file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    /** The did:key of a key and its verification method id ({@code did:key:z..#z..}). */
    static String didKey(SigningKey key) {
        return DidKey.create(key.publicKey()).toString();
    }

    static String verificationMethod(SigningKey key) {
        String did = didKey(key);
        return did + "#" + did.substring("did:key:".length());
    }

    /** Writes a secret file that only its owner can read. */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
