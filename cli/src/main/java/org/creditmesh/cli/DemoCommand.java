package org.creditmesh.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole credential life cycle in one command, run through the very subcommands a user types (each
 * is printed before it runs): a bureau and a borrower get keys, the bureau publishes a status list and
 * issues a KYC credential in all three formats, the borrower presents it with only two claims disclosed,
 * a lender verifies, the bureau revokes, and verification now fails with {@code revoked}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole issue → present → verify → revoke round trip, printing each command it runs.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", description = "folder for the demo's keys and files (default: a new temporary folder)")
    Path dir;

    private int step;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("creditmesh-demo-");
        String previousHome = System.getProperty("creditmesh.home");
        System.setProperty("creditmesh.home", work.resolve("home").toString());
        try {
            return run(work);
        } finally {
            if (previousHome == null) {
                System.clearProperty("creditmesh.home");
            } else {
                System.setProperty("creditmesh.home", previousHome);
            }
        }
    }

    private int run(Path work) throws Exception {
        System.out.println("CreditMesh demo — files in " + work + "\n");
        say("A bureau and a borrower each get an Ed25519 key (kept in the demo's keystore).");
        expect(0, "keys", "generate", "--name", "bureau");
        expect(0, "keys", "generate", "--name", "borrower");
        String borrower = Keys.didKey(Keys.signingKey(null, "borrower"));

        say("The bureau publishes an empty revocation list (131,072 entries, signed with Data Integrity).");
        String list = work.resolve("status-list.json").toString();
        expect(0, "status", "create", "--name", "bureau", "--url", "https://status.bureau.example/lists/1", "--out", list);

        say("The bureau issues the borrower's KYC credential in the three securing formats.");
        Path unsigned = work.resolve("kyc-unsigned.json");
        expect(0, "template", "kyc", "--subject", borrower, "--out", unsigned.toString());
        String di = work.resolve("kyc-di.json").toString();
        String jwt = work.resolve("kyc.jwt").toString();
        String sdJwt = work.resolve("kyc.sd-jwt").toString();
        expect(0, "issue", "--name", "bureau", "--format", "di", "--credential", unsigned.toString(), "--status-list", list, "--out", di);
        expect(0, "issue", "--name", "bureau", "--format", "jwt", "--credential", unsigned.toString(), "--status-list", list, "--out", jwt);
        expect(0, "issue", "--name", "bureau", "--format", "sd-jwt", "--credential", unsigned.toString(),
                "--disclose", "ageBand,countryOfResidence,employment,financialProfile", "--holder", borrower, "--out", sdJwt);

        say("A lender asks for age band and country only; the borrower presents the SD-JWT with just those two disclosed.");
        String nonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        String presentation = work.resolve("presentation.sd-jwt").toString();
        expect(0, "present", "--name", "borrower", "--credential", sdJwt, "--disclose", "ageBand,countryOfResidence",
                "--nonce", nonce, "--audience", "https://lender.example", "--out", presentation);
        expect(0, "verify", presentation, "--nonce", nonce, "--audience", "https://lender.example");

        say("The lender verifies the Data Integrity and vc+jwt credentials, status included.");
        expect(0, "verify", di, "--status-list", list);
        expect(0, "verify", jwt, "--status-list", list);

        say("The bureau revokes the credential; the same credential now fails with 'revoked'.");
        expect(0, "status", "revoke", "--name", "bureau", "--list", list, "--credential", di);
        expect(1, "verify", di, "--status-list", list);

        System.out.println("\nDemo complete: every step behaved as expected.");
        return 0;
    }

    private void say(String text) {
        System.out.println("\n" + (++step) + ". " + text);
    }

    private static void expect(int exitCode, String... args) {
        List<String> shown = new ArrayList<>(Arrays.asList(args));
        System.out.println("$ ./creditmesh " + String.join(" ", shown));
        int actual = CreditMeshCli.run(args);
        if (actual != exitCode) {
            throw new IllegalStateException("'" + String.join(" ", args) + "' exited " + actual + ", expected " + exitCode);
        }
    }
}
