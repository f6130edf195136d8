package org.creditmesh.core.dataintegrity;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.RdfCanonicalizer;
import org.creditmesh.core.jsonld.ShippedContextLoader;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;

/**
 * A quick, hand-run throughput measurement of eddsa-rdfc-2022 on a 9-claim KYC-like credential, with
 * a breakdown of where a verification spends its time. Not a unit test and not JMH: run it with
 * {@code java -cp ... org.creditmesh.core.dataintegrity.DataIntegrityThroughput [seconds] [credential.json]}
 * (default: the built-in credential below; e.g. pass {@code schemas/examples/kyc/valid/...json} with the
 * schemas module on the class path). Single-threaded, so the numbers are per core.
 */
public final class DataIntegrityThroughput {

    static final String CREDENTIAL = """
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
              "id": "urn:uuid:1f3c1a44-7d2b-4b8e-9d6f-5a7e2b1c9d01",
              "type": ["VerifiableCredential", "KycCredential"],
              "issuer": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
              "validFrom": "2026-01-01T00:00:00Z",
              "validUntil": "2027-01-01T00:00:00Z",
              "credentialSubject": {
                "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                "identityVerified": true,
                "verificationLevel": "substantial",
                "country": "DE",
                "ageBand": "25-34",
                "employmentStatus": "employed",
                "incomeBand": "40000-60000",
                "residentSince": "2019-04-01",
                "documentType": "passport",
                "verifiedAt": "2026-01-01T00:00:00Z"
              }
            }
            """;

    private DataIntegrityThroughput() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        String credential = args.length > 1 ? java.nio.file.Files.readString(java.nio.file.Path.of(args[1])) : CREDENTIAL;
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        String method = "did:key:" + key.publicKey().toMultikey() + "#" + key.publicKey().toMultikey();
        ObjectNode unsecured = Json.parseObject(credential);
        DataIntegritySigner signer = new DataIntegritySigner(key);
        ObjectNode signed = signer.sign(unsecured, ProofOptions.assertion(method, Instant.parse("2026-01-01T00:00:00Z")));
        String signedText = Json.write(signed);
        // Distinct credentials (subject and created differ), so nothing per-document can be reused.
        String[] batch = new String[64];
        for (int i = 0; i < batch.length; i++) {
            ObjectNode variant = unsecured.deepCopy();
            ((ObjectNode) variant.get("credentialSubject")).put("id", "did:example:subject-" + i);
            batch[i] = Json.write(signer.sign(variant,
                    ProofOptions.assertion(method, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 3607L))));
        }
        int[] next = {0};
        DataIntegrityVerifier verifier = new DataIntegrityVerifier(VerificationMethodResolver.fixed(key.publicKey()));
        VerificationOptions options = VerificationOptions.assertion(Instant.now());

        JsonStructure jakarta = JsonProvider.provider().createReader(new StringReader(credential)).read();
        byte[] hash = new byte[64];
        byte[] signature = key.sign(hash);

        run("verify (parse JSON text + verify), 64 credentials", seconds,
                () -> verifier.verify(Json.parseObject(batch[next[0]++ & 63]), options));
        run("issue (sign)", seconds, () -> signer.sign(unsecured, ProofOptions.assertion(method, Instant.now())));
        run("  part: canonicalize document (expand+toRdf+RDFC)", seconds, () -> RdfCanonicalizer.canonicalize(unsecured));
        run("  part: expand+toRdf only (no RDFC)", seconds, () -> {
            JsonLdOptions o = new JsonLdOptions(ShippedContextLoader.INSTANCE);
            JsonLd.toRdf(JsonDocument.of(jakarta)).options(o).provide((s, p, ob, dt, lang, dir, g) -> null);
        });
        run("  part: expand only", seconds, () -> JsonLd.expand(JsonDocument.of(jakarta)).loader(ShippedContextLoader.INSTANCE).get());
        run("  part: Ed25519 verify", seconds, () -> key.publicKey().verify(hash, signature));
        ObjectNode parsed = Json.parseObject(signedText);
        run("  part: parse JSON text (strict Jackson)", seconds, () -> Json.parseObject(signedText));
        run("verify (pre-parsed document)", seconds, () -> verifier.verify(parsed, options));
        run("verify (parse JSON text + verify), 64 credentials, again", seconds,
                () -> verifier.verify(Json.parseObject(batch[next[0]++ & 63]), options));
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private static void run(String name, double seconds, Step step) throws Exception {
        long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            step.run();
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall-clock rate
        // understates what one core does; the CPU-time rate is the per-core figure.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < end) {
            step.run();
            count++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%-52s %9.0f ops/s wall  %9.0f ops/s cpu  (%.1f us cpu/op)%n",
                name, count / elapsed, count / cpu, cpu * 1e6 / count);
    }
}
