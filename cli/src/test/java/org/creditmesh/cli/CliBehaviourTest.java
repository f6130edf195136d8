package org.creditmesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages that scripts rely on, run in-process. */
class CliBehaviourTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput() {
        System.setProperty("creditmesh.home", work.resolve("home").toString());
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty("creditmesh.home");
    }

    private int run(String... args) {
        var cli = CreditMeshCli.newCommandLine();
        cli.setOut(new java.io.PrintWriter(System.out, true));
        cli.setErr(new java.io.PrintWriter(System.err, true));
        return cli.execute(args);
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorWithExitCode2() {
        assertThat(run("issue", "--format", "jwt")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run("issue", "--format", "xml", "--credential", "x.json", "--out", "y")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'xml' is not one of jwt, sd-jwt, di");
    }

    @Test
    void verifyingAFileThatIsNotACredentialExits1WithoutAStackTrace() throws Exception {
        Path garbage = work.resolve("garbage.txt");
        Files.writeString(garbage, "this is not a credential");
        assertThat(run("verify", garbage.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT VERIFIED", "[unsupported_format]");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMissingFileIsReportedInOneLine() {
        assertThat(run("verify", work.resolve("absent.json").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("error [io]: no such file:").doesNotContain("\n");
    }

    @Test
    void issuingWithAKeyOfAnotherIssuerThanTheCredentialNamesIsRefusedWithItsCode() throws Exception {
        Path credential = work.resolve("kyc.json");
        assertThat(run("template", "kyc", "--out", credential.toString())).isZero();
        String json = Files.readString(credential).replaceFirst("\\{", "{\"issuer\": \"did:web:another.example\",");
        Files.writeString(credential, json);
        assertThat(run("issue", "--format", "di", "--credential", credential.toString(), "--out", work.resolve("o").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error [issuer_mismatch]");
    }

    @Test
    void theKeystoreNeverPrintsAPrivateKey() throws Exception {
        assertThat(run("keys", "generate", "--name", "bureau")).isZero();
        assertThat(run("keys", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("did:key:z6Mk").doesNotContain("\"d\"");
    }

    @Test
    void theDemoRunsEveryStepAsExpected() {
        assertThat(run("demo", "--dir", work.resolve("demo").toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Demo complete", "[revoked]");
    }
}
