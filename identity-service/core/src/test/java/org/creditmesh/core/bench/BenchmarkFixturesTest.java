package org.creditmesh.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks' fixtures run once, untimed, so a change that breaks a benchmark (a credential that no
 * longer verifies, an SD-JWT without its 20 disclosures) fails the build rather than the next JMH run.
 */
class BenchmarkFixturesTest {

    @Test
    void everyBenchmarkedCredentialVerifiesOnItsSuccessPath() throws Exception {
        // setUp() refuses fixtures that do not verify in every format and through the unified verifier.
        CredentialFormatsBenchmark formats = new CredentialFormatsBenchmark();
        formats.setUp();
        assertThat(formats.sdJwtVerifyUnified().verified()).isTrue();
        assertThat(formats.dataIntegrityVerify()).hasSize(1);
    }

    @Test
    void dataIntegrityStepsReproduceTheIssuedProof() throws Exception {
        DataIntegrityStepsBenchmark steps = new DataIntegrityStepsBenchmark();
        steps.setUp();
        assertThat(steps.verifyProof()).isTrue();
    }

    @Test
    void primitivesUseTheSameKeysThroughBothProviders() throws Exception {
        SignaturePrimitivesBenchmark primitives = new SignaturePrimitivesBenchmark();
        primitives.setUp();
        assertThat(primitives.ed25519VerifyJdk()).isTrue();
        assertThat(primitives.p256VerifyJdk()).isTrue();
    }

    @Test
    void reportComputesRatiosAgainstTheFastestPrimitiveOfTheSameRun(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("jmh.json");
        Files.writeString(json, """
                [
                 {"benchmark": "org.creditmesh.core.bench.SignaturePrimitivesBenchmark.ed25519VerifyBouncyCastle",
                  "primaryMetric": {"score": 10000.0, "scoreError": 100.0, "scoreUnit": "ops/s", "rawData": [[9900.0, 10100.0]]}},
                 {"benchmark": "org.creditmesh.core.bench.SignaturePrimitivesBenchmark.ed25519VerifyJdk",
                  "primaryMetric": {"score": 5000.0, "scoreError": 50.0, "scoreUnit": "ops/s"}},
                 {"benchmark": "org.creditmesh.core.bench.CredentialFormatsBenchmark.vcJwtVerify",
                  "primaryMetric": {"score": 7000.0, "scoreError": 70.0, "scoreUnit": "ops/s", "rawData": [[6000.0, 8080.0]]}},
                 {"benchmark": "org.creditmesh.core.bench.CredentialFormatsBenchmark.dataIntegrityVerify",
                  "primaryMetric": {"score": 2940.0, "scoreError": 10.0, "scoreUnit": "ops/s"}}
                ]
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchmarkReport.read(json).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String markdown = bytes.toString(StandardCharsets.UTF_8);

        assertThat(markdown)
                .contains("| VC-JWT verify vs raw Ed25519 verify (`vcJwtVerify` / `ed25519VerifyBouncyCastle`) | 70 % | 80 % | 80 % | **no** |")
                .contains("| Data Integrity verify vs JS reference (`dataIntegrityVerify` / 490 ops/s) | 6.0× | 6.0× | 5.0× | yes |")
                .contains("| `CredentialFormatsBenchmark.vcJwtVerify` | 7,000 | 70 | 142.9 | 8,080 |");
    }
}
