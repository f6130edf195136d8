package org.creditmesh.service.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's certificate: made once, reused, for localhost and the configured names. */
class SelfSignedCertificateTest {

    @TempDir
    Path dir;

    @Test
    void isMadeOnceAndReusedWithTheKeyReadableByTheOwnerOnly() throws Exception {
        Path[] first = SelfSignedCertificate.createOrReuse(dir, List.of("identity.bank.example", "10.0.0.7"));
        String cert = Files.readString(first[0]);
        String key = Files.readString(first[1]);
        assertThat(cert).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(key).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(first[1])).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Path[] again = SelfSignedCertificate.createOrReuse(dir, List.of("identity.bank.example"));
        assertThat(Files.readString(again[0])).isEqualTo(cert);
        assertThat(Files.readString(again[1])).isEqualTo(key);

        X509Certificate x = SelfSignedCertificate.read(first[0]);
        List<String> names = x.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
        assertThat(names).contains("localhost", "127.0.0.1", "identity.bank.example", "10.0.0.7");
        x.verify(x.getPublicKey());
        assertThat(x.getBasicConstraints()).isEqualTo(-1);
    }
}
