package org.creditmesh.core.bench;

import static org.creditmesh.core.bench.BenchFixtures.CLOCK;

import com.apicatalog.multibase.Multibase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.creditmesh.core.dataintegrity.Cryptosuite;
import org.creditmesh.core.did.DidResolver;
import org.creditmesh.core.did.VerificationRelationship;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.DidKeys;
import org.creditmesh.core.verifier.SecuringFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where an {@code eddsa-rdfc-2022} verification of the KYC credential spends its time: each step of
 * EdDSA Cryptosuites v1.0 section 3.2.2 timed alone through {@link Cryptosuite}'s public steps, on the
 * same signed credential {@link CredentialFormatsBenchmark} verifies. The steps add up to about one
 * {@code dataIntegrityVerify}; the remainder is the verifier's structural checks and copies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DataIntegrityStepsBenchmark {

    private static final Cryptosuite SUITE = Cryptosuite.EDDSA_RDFC_2022;

    private String secured;
    private ObjectNode unsecured;
    private ObjectNode proofOptions;
    private JsonNode context;
    private String verificationMethod;
    private byte[] proofBytes;
    private String transformed;
    private String proofConfiguration;
    private byte[] hashData;
    private VerificationKey key;
    private DidResolver resolver;
    private DidKeys keys;

    @Setup
    public void setUp() throws CreditMeshException {
        secured = new CredentialIssuer(BenchFixtures.ISSUER_ED25519).issue(
                BenchFixtures.kycCredential(BenchFixtures.HOLDER_ED25519), SecuringFormat.DATA_INTEGRITY,
                CredentialIssuer.Options.defaults().withClock(CLOCK));
        ObjectNode document = Json.parseObject(secured);
        proofOptions = (ObjectNode) document.get("proof").deepCopy();
        proofBytes = Multibase.BASE_58_BTC.decode(proofOptions.remove("proofValue").textValue());
        verificationMethod = proofOptions.get("verificationMethod").textValue();
        unsecured = document.deepCopy();
        unsecured.remove("proof");
        context = unsecured.get("@context");
        resolver = CredentialVerifier.offlineDidResolver();
        keys = new DidKeys(resolver);
        key = resolveKey();
        transformed = transform();
        proofConfiguration = proofConfiguration();
        hashData = hashData();
        if (!verifyProof()) {
            throw new IllegalStateException("the steps do not reproduce a valid proof");
        }
    }

    /** Reading the secured credential text into the JSON model. */
    @Benchmark
    public ObjectNode parse() throws CreditMeshException {
        return Json.parseObject(secured);
    }

    /** The verification method's key as a verifier gets it: from {@link DidKeys}' cache of did:key keys. */
    @Benchmark
    public VerificationKey resolveKey() throws CreditMeshException {
        return keys.resolve(verificationMethod, VerificationRelationship.ASSERTION_METHOD);
    }

    /**
     * The same on a cold cache: did:key to DID document to the method authorized for assertionMethod
     * (DID URL parse, base58, Ed25519 point decompression). Not part of the step sum.
     */
    @Benchmark
    public VerificationKey resolveKeyUncached() throws CreditMeshException {
        return new DidKeys(resolver).resolve(verificationMethod, VerificationRelationship.ASSERTION_METHOD);
    }

    /** Transformation: JSON-LD expansion, toRdf and RDFC-1.0 of the credential. */
    @Benchmark
    public String transform() throws CreditMeshException {
        return SUITE.transform(unsecured, TermPolicy.REJECT_UNDEFINED);
    }

    /** Proof configuration: canonical proof options (served by the proof-configuration template cache). */
    @Benchmark
    public String proofConfiguration() throws CreditMeshException {
        return SUITE.proofConfiguration(proofOptions, context, TermPolicy.REJECT_UNDEFINED);
    }

    /** Hashing: two SHA-256. */
    @Benchmark
    public byte[] hashData() {
        return SUITE.hashData(transformed, proofConfiguration);
    }

    /** The Ed25519 verification of the 64-byte hash data. */
    @Benchmark
    public boolean verifyProof() {
        return SUITE.verifyProof(hashData, proofBytes, key);
    }
}
