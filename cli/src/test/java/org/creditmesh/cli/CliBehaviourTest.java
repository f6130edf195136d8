package org.creditmesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages that scripts rely on, run in-process. */
class CliBehaviourTest {

    @TempDir
    Path work;

    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    @BeforeEach
    void useAFreshCreditMeshFolder() {
        System.setProperty("creditmesh.home", work.resolve("home").toString());
    }

    @AfterEach
    void forgetTheFolder() {
        System.clearProperty("creditmesh.home");
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorWithExitCode2() {
        assertThat(run("issue", "--format", "jwt")).isEqualTo(2);
        assertThat(cli.err()).contains("Missing required option");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("issue", "--format", "xml", "--credential", "x.json", "--out", "y")).isEqualTo(2);
        assertThat(cli.err()).contains("'xml' is not one of jwt, sd-jwt, di");
    }

    @Test
    void verifyingAFileThatIsNotACredentialExits1WithoutAStackTrace() throws Exception {
        Path garbage = work.resolve("garbage.txt");
        Files.writeString(garbage, "this is not a credential");
        assertThat(run("verify", garbage.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("NOT VERIFIED", "[unsupported_format]");
        assertThat(cli.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMissingFileIsReportedInOneLine() {
        assertThat(run("verify", work.resolve("absent.json").toString())).isEqualTo(1);
        assertThat(cli.err().strip()).startsWith("error [io]: no such file:").doesNotContain("\n");
    }

    @Test
    void issuingWithAKeyOfAnotherIssuerThanTheCredentialNamesIsRefusedWithItsCode() throws Exception {
        Path credential = work.resolve("kyc.json");
        assertThat(run("template", "kyc", "--out", credential.toString())).isZero();
        String json = Files.readString(credential).replaceFirst("\\{", "{\"issuer\": \"did:web:another.example\",");
        Files.writeString(credential, json);
        assertThat(run("issue", "--format", "di", "--credential", credential.toString(), "--out", work.resolve("o").toString()))
                .isEqualTo(1);
        assertThat(cli.err()).contains("error [issuer_mismatch]");
    }

    @Test
    void theKeystoreNeverPrintsAPrivateKey() throws Exception {
        assertThat(run("keys", "generate", "--name", "bureau")).isZero();
        assertThat(run("keys", "list")).isZero();
        assertThat(cli.out()).contains("did:key:z6Mk").doesNotContain("\"d\"");
    }

    @Test
    void theDemoRunsEveryStepAsExpected() {
        assertThat(run("demo", "--dir", work.resolve("demo").toString())).isZero();
        assertThat(cli.out()).contains("Demo complete", "[revoked]");
    }
}
