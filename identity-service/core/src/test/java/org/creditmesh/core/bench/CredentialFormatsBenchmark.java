package org.creditmesh.core.bench;

import static org.creditmesh.core.bench.BenchFixtures.CHALLENGE;
import static org.creditmesh.core.bench.BenchFixtures.CLOCK;
import static org.creditmesh.core.bench.BenchFixtures.DISCLOSABLE;
import static org.creditmesh.core.bench.BenchFixtures.NOW;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.dataintegrity.DataIntegrityVerifier;
import org.creditmesh.core.dataintegrity.VerificationOptions;
import org.creditmesh.core.dataintegrity.VerifiedProof;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.CredentialPresenter;
import org.creditmesh.core.jose.VcJwtVerifier;
import org.creditmesh.core.jose.VerifiedCredential;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.ContextRegistry;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.KeyBindingChallenge;
import org.creditmesh.core.sdjwt.SdJwt;
import org.creditmesh.core.sdjwt.vc.SdJwtVcVerifier;
import org.creditmesh.core.sdjwt.vc.VerifiedSdJwtVc;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.DidKeys;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.core.verifier.VerificationReport;
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
 * Issue and verify of the KYC credential ({@code bench/kyc-credential.json}) in the three securing
 * formats, through the public APIs: {@link CredentialIssuer}, {@link CredentialPresenter}, the per-format
 * verifiers, and the unified {@link CredentialVerifier} a lender calls (its extra cost is the data model,
 * validity, JSON Schema, status and trust checks and the report). Issuer: an Ed25519 did:key (P-256 for
 * the {@code es256} lines). Verifying starts from the text a verifier receives, so JSON parsing is
 * included everywhere. All of it runs at the fixed instant {@link BenchFixtures#NOW}.
 *
 * <p>The SD-JWT VC has 20 disclosable claims and a holder key; the presentation discloses all 20 and
 * carries a KB-JWT, so its verification checks two signatures and 20 digests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class CredentialFormatsBenchmark {

    private ObjectNode unsigned;
    private ObjectNode unsignedP256Holder;
    private CredentialIssuer issuer;
    private CredentialIssuer issuerP256;
    private CredentialIssuer.Options plain;
    private CredentialIssuer.Options sdJwtOptions;
    private CredentialIssuer.Options sdJwtOptionsP256;
    private CredentialPresenter presenter;

    private String vcJwt;
    private String vcJwtEs256;
    private String sdJwtIssued;
    private String sdJwtPresented;
    private String sdJwtEs256Presented;
    private String dataIntegrity;

    private VcJwtVerifier vcJwtVerifier;
    private SdJwtVcVerifier sdJwtVerifier;
    private Optional<KeyBindingChallenge> keyBindingChallenge;
    private DataIntegrityVerifier dataIntegrityVerifier;
    private VerificationOptions dataIntegrityOptions;
    private CredentialVerifier credentialVerifier;
    private CredentialVerifier presentationVerifier;

    @Setup
    public void setUp() throws CreditMeshException {
        unsigned = BenchFixtures.kycCredential(BenchFixtures.HOLDER_ED25519);
        unsignedP256Holder = BenchFixtures.kycCredential(BenchFixtures.HOLDER_P256);
        issuer = new CredentialIssuer(BenchFixtures.ISSUER_ED25519);
        issuerP256 = new CredentialIssuer(BenchFixtures.ISSUER_P256);
        plain = CredentialIssuer.Options.defaults().withClock(CLOCK);
        sdJwtOptions = plain.withDisclosable(DISCLOSABLE).withHolderKey(BenchFixtures.HOLDER_ED25519.publicKey());
        sdJwtOptionsP256 = plain.withDisclosable(DISCLOSABLE).withHolderKey(BenchFixtures.HOLDER_P256.publicKey());
        presenter = new CredentialPresenter(BenchFixtures.HOLDER_ED25519, CLOCK);

        vcJwt = vcJwtIssue();
        vcJwtEs256 = vcJwtEs256Issue();
        sdJwtIssued = sdJwtIssue();
        sdJwtPresented = sdJwtPresent();
        sdJwtEs256Presented = new CredentialPresenter(BenchFixtures.HOLDER_P256, CLOCK)
                .present(issuerP256.issue(unsignedP256Holder, SecuringFormat.SD_JWT, sdJwtOptionsP256), DISCLOSABLE, CHALLENGE);
        dataIntegrity = dataIntegrityIssue();

        DidKeys keys = new DidKeys(CredentialVerifier.offlineDidResolver());
        vcJwtVerifier = new VcJwtVerifier(keys.forJose(), new DataModelValidator(ContextRegistry::isKnown), CLOCK);
        sdJwtVerifier = SdJwtVcVerifier.of(keys.forSdJwt(), CLOCK);
        keyBindingChallenge = Optional.of(KeyBindingChallenge.of(CHALLENGE.audience(), CHALLENGE.nonce()));
        dataIntegrityVerifier = new DataIntegrityVerifier(keys.forDataIntegrity());
        dataIntegrityOptions = VerificationOptions.assertion(NOW);
        credentialVerifier = CredentialVerifier.builder().clock(CLOCK).build();
        presentationVerifier = CredentialVerifier.builder().clock(CLOCK).challenge(CHALLENGE).build();

        checkFixtures();
    }

    /** Every benchmark must time the success path: a failure here stops the run instead of timing an error. */
    private void checkFixtures() throws CreditMeshException {
        int disclosures = SdJwt.parse(sdJwtPresented).disclosures().size();
        if (disclosures != DISCLOSABLE.size() || SdJwt.parse(sdJwtPresented).keyBindingJwt().isEmpty()) {
            throw new IllegalStateException("the SD-JWT presentation has " + disclosures + " disclosures, expected "
                    + DISCLOSABLE.size() + " and a KB-JWT");
        }
        vcJwtVerify();
        vcJwtEs256Verify();
        sdJwtVerify();
        sdJwtEs256Verify();
        dataIntegrityVerify();
        for (VerificationReport report : List.of(vcJwtVerifyUnified(), sdJwtVerifyUnified(), dataIntegrityVerifyUnified())) {
            if (!report.verified()) {
                throw new IllegalStateException("the unified verifier rejected a benchmark credential: " + report.failures());
            }
        }
    }

    // ------------------------------------------------------------------ VC-JWT (vc+jwt)

    @Benchmark
    public String vcJwtIssue() throws CreditMeshException {
        return issuer.issue(unsigned, SecuringFormat.JOSE, plain);
    }

    @Benchmark
    public VerifiedCredential vcJwtVerify() throws CreditMeshException {
        return vcJwtVerifier.verify(vcJwt);
    }

    @Benchmark
    public VerificationReport vcJwtVerifyUnified() {
        return credentialVerifier.verify(vcJwt);
    }

    @Benchmark
    public String vcJwtEs256Issue() throws CreditMeshException {
        return issuerP256.issue(unsigned, SecuringFormat.JOSE, plain);
    }

    @Benchmark
    public VerifiedCredential vcJwtEs256Verify() throws CreditMeshException {
        return vcJwtVerifier.verify(vcJwtEs256);
    }

    // ------------------------------------------------------------------ SD-JWT VC (dc+sd-jwt), 20 disclosures + KB-JWT

    @Benchmark
    public String sdJwtIssue() throws CreditMeshException {
        return issuer.issue(unsigned, SecuringFormat.SD_JWT, sdJwtOptions);
    }

    /** The holder's side: select the 20 disclosures and sign the KB-JWT. */
    @Benchmark
    public String sdJwtPresent() throws CreditMeshException {
        return presenter.present(sdJwtIssued, DISCLOSABLE, CHALLENGE);
    }

    @Benchmark
    public VerifiedSdJwtVc sdJwtVerify() throws CreditMeshException {
        return sdJwtVerifier.verify(sdJwtPresented, keyBindingChallenge);
    }

    @Benchmark
    public VerificationReport sdJwtVerifyUnified() {
        return presentationVerifier.verify(sdJwtPresented);
    }

    /** Issuer and holder on P-256 (ES256 issuer-signed JWT and KB-JWT). */
    @Benchmark
    public VerifiedSdJwtVc sdJwtEs256Verify() throws CreditMeshException {
        return sdJwtVerifier.verify(sdJwtEs256Presented, keyBindingChallenge);
    }

    // ------------------------------------------------------------------ Data Integrity (eddsa-rdfc-2022)

    @Benchmark
    public String dataIntegrityIssue() throws CreditMeshException {
        return issuer.issue(unsigned, SecuringFormat.DATA_INTEGRITY, plain);
    }

    @Benchmark
    public List<VerifiedProof> dataIntegrityVerify() throws CreditMeshException {
        return dataIntegrityVerifier.verify(Json.parseObject(dataIntegrity), dataIntegrityOptions);
    }

    @Benchmark
    public VerificationReport dataIntegrityVerifyUnified() {
        return credentialVerifier.verify(dataIntegrity);
    }
}
