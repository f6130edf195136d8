package org.creditmesh.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileKeyStore}: PKCS#12 (RFC 7292) with PKCS#8 (RFC 5958 / RFC 8410) secret-key entries. */
class FileKeyStoreTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final byte[] MESSAGE = "credit".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void storesLoadsListsAndDeletesKeysOfEveryType() throws Exception {
        Path file = dir.resolve("issuer.p12");
        FileKeyStore store = FileKeyStore.open(file, PASSWORD);
        assertThat(store.list()).isEmpty();
        List<SigningKey> keys = new ArrayList<>();
        for (KeyType type : KeyType.values()) {
            SigningKey key = SigningKey.generate(type);
            keys.add(key);
            store.store("issuer-" + type.name().toLowerCase(), key);
        }
        assertThat(store.list()).containsExactly("issuer-ed25519", "issuer-p256", "issuer-secp256k1");

        FileKeyStore reopened = FileKeyStore.open(file, PASSWORD.clone());
        for (SigningKey original : keys) {
            SigningKey loaded = reopened.load("issuer-" + original.type().name().toLowerCase());
            assertThat(loaded.type()).isEqualTo(original.type());
            assertThat(loaded.publicKey()).isEqualTo(original.publicKey());
            assertThat(original.publicKey().verify(MESSAGE, loaded.sign(MESSAGE))).isTrue();
        }

        assertThat(reopened.delete("issuer-p256")).isTrue();
        assertThat(reopened.delete("issuer-p256")).isFalse();
        assertThat(store.list()).containsExactly("issuer-ed25519", "issuer-secp256k1");
        KeyException missing = catchThrowableOfType(KeyException.class, () -> store.load("issuer-p256"));
        assertThat(missing.code()).isEqualTo(KeyError.KEY_NOT_FOUND);
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        Path file = dir.resolve("k.p12");
        FileKeyStore.open(file, PASSWORD).store("a", SigningKey.generate(KeyType.ED25519));
        KeyException e = catchThrowableOfType(KeyException.class, () -> FileKeyStore.open(file, "wrong".toCharArray()));
        assertThat(e.code()).isEqualTo(KeyError.WRONG_KEYSTORE_PASSWORD);
    }

    @Test
    void readsThePasswordFromANamedEnvironmentVariable() throws Exception {
        Path file = dir.resolve("env.p12");
        FileKeyStore store = FileKeyStore.openWithPasswordFromEnv(file, "CM_KEYSTORE_PASSWORD",
                Map.of("CM_KEYSTORE_PASSWORD", new String(PASSWORD)));
        SigningKey key = SigningKey.generate(KeyType.SECP256K1);
        store.store("k", key);
        assertThat(FileKeyStore.open(file, PASSWORD).load("k").publicKey()).isEqualTo(key.publicKey());
        KeyException unset = catchThrowableOfType(KeyException.class,
                () -> FileKeyStore.openWithPasswordFromEnv(file, "CM_UNSET", Map.of()));
        assertThat(unset.code()).isEqualTo(KeyError.KEYSTORE);
    }

    @Test
    void writesAtomicallyWithOwnerOnlyPermissions() throws Exception {
        Path file = dir.resolve("perm.p12");
        FileKeyStore store = FileKeyStore.open(file, PASSWORD);
        store.store("a", SigningKey.generate(KeyType.P256));
        store.store("b", SigningKey.generate(KeyType.ED25519));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("perm.p12");
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void neverShowsSecretsInToStringOrErrors() throws Exception {
        Path file = dir.resolve("s.p12");
        FileKeyStore store = FileKeyStore.open(file, PASSWORD);
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        store.store("a", key);
        String d = key.exportPrivateJwk().toJSONObject().get("d").toString();
        assertThat(store.toString()).doesNotContain(new String(PASSWORD)).doesNotContain(d);
        KeyException bad = catchThrowableOfType(KeyException.class, () -> store.store("Not Valid", key));
        assertThat(bad.getMessage()).doesNotContain(d);
    }

    @Test
    void isAPkcs12FileThatKeytoolListsWithThePassword() throws Exception {
        Path file = dir.resolve("tool.p12");
        FileKeyStore store = FileKeyStore.open(file, PASSWORD);
        for (KeyType type : KeyType.values()) {
            store.store("key-" + type.name().toLowerCase(), SigningKey.generate(type));
        }
        Result ok = keytool(file, new String(PASSWORD));
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output).contains("PKCS12").contains("3 entries")
                .contains("key-ed25519").contains("key-p256").contains("key-secp256k1");
        Result wrong = keytool(file, "not the password");
        assertThat(wrong.exit).isNotZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result keytool(Path file, String password) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder builder = new ProcessBuilder(keytool.toString(), "-list", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass:env", "CM_TEST_STOREPASS").redirectErrorStream(true);
        // The password goes through the environment so that it is not on the command line.
        builder.environment().put("CM_TEST_STOREPASS", password);
        Process p = builder.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
