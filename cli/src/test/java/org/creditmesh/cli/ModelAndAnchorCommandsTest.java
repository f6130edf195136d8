package org.creditmesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditmesh.anchor.chain.AnchoredBatch;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code model train} and {@code anchor verify} as a user runs them. */
class ModelAndAnchorCommandsTest {

    @TempDir
    Path work;

    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    private int run(String... args) {
        return cli.run(args);
    }

    /** A small credit-like data set with signal in two attributes and a protected one without. */
    private Path syntheticCsv() throws Exception {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("months,purpose,age,outcome\n");
        for (int i = 0; i < 600; i++) {
            int months = 6 + random.nextInt(60);
            String purpose = random.nextBoolean() ? "car" : (random.nextBoolean() ? "education" : "business");
            int age = 19 + random.nextInt(50);
            double risk = months / 80.0 + (purpose.equals("business") ? 0.25 : 0) + random.nextGaussian() * 0.2;
            csv.append(months).append(',').append(purpose).append(',').append(age).append(',')
                    .append(risk > 0.6 ? "default" : "repaid").append('\n');
        }
        Path file = work.resolve("loans.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void modelTrainWritesTheModelAndBothReportsWithCrossValidatedAucs() throws Exception {
        Path outDir = work.resolve("model-out");
        int exit = run("model", "train", "--data", syntheticCsv().toString(), "--target", "outcome", "--bad", "default",
                "--out", outDir.toString(), "--protected", "age");

        assertThat(exit).as(cli.err()).isZero();
        var report = Json.parse(Files.readString(outDir.resolve("report.json")));
        assertThat(report.at("/cv/scorecard/auc").isNumber()).isTrue();
        assertThat(report.at("/cv/baseline/auc").isNumber()).isTrue();
        assertThat(report.at("/cv/scorecard/auc").asDouble()).isGreaterThan(0.7);
        assertThat(Files.exists(outDir.resolve("report.html"))).isTrue();
        assertThat(cli.out()).contains("cross-validated AUC");
    }

    @Test
    void modelTrainNamesAMissingTargetColumnAndExits1() throws Exception {
        int exit = run("model", "train", "--data", syntheticCsv().toString(), "--target", "status", "--bad", "bad",
                "--out", work.resolve("o").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).contains("status").doesNotContain("\tat ");
    }

    private Path proofFile(boolean tamper) throws Exception {
        List<Hash32> leaves = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            leaves.add(Hash32.keccakOfUtf8("credential-" + i));
        }
        MerkleTree tree = MerkleTree.of(leaves);
        Hash32 tx = Hash32.keccakOfUtf8("tx");
        AnchoredBatch batch = new AnchoredBatch(tree.root(), leaves.size(), Hash32.keccakOfUtf8("meta"), 31337,
                "0x5FbDB2315678afecb367f032d93F642f64180aa3", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", tx, 7,
                Hash32.keccakOfUtf8("block"), 0, Instant.parse("2026-11-01T00:00:00Z"), 50_000);
        String json = AnchorProof.of(tree, 3, batch).toJson();
        if (tamper) {
            json = json.replace(leaves.get(3).toHex().substring(2), leaves.get(4).toHex().substring(2));
        }
        Path file = work.resolve(tamper ? "tampered.json" : "proof.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void anchorVerifyChecksThePathOfflineWithoutRpc() throws Exception {
        assertThat(run("anchor", "verify", proofFile(false).toString())).isZero();
        assertThat(cli.out()).contains("VERIFIED offline");
    }

    @Test
    void anchorVerifyRefusesAProofWhoseLeafWasSwapped() throws Exception {
        assertThat(run("anchor", "verify", proofFile(true).toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("error [");
    }
}
