package org.creditmesh.core.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.keys.SigningKey;
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
 * The raw signature primitives every credential format rests on, measured in the same run as the
 * format benchmarks so that BENCHMARKS.md can state ratios: the JDK provider against BouncyCastle's
 * RFC 8032 code (what {@link SigningKey} uses), and P-256 through the JDK and through BouncyCastle.
 * Message: 600 bytes, the size of a typical JWS signing input. Keys: the issuer keys of
 * {@link BenchFixtures}, the same ones the format benchmarks sign and verify with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SignaturePrimitivesBenchmark {

    private final byte[] message = new byte[600];

    private SigningKey ed25519;
    private byte[] ed25519Signature;
    private SigningKey p256;
    private byte[] p256Signature;

    private byte[] vcJwtSigningInput;
    private byte[] vcJwtSignature;

    private KeyPair jdkEd25519;
    private byte[] jdkEd25519Signature;
    private KeyPair jdkP256;
    private byte[] jdkP256Signature;

    @Setup
    public void setUp() throws Exception {
        Arrays.fill(message, (byte) 'a');
        System.arraycopy("eyJhbGciOiJFZERTQSJ9".getBytes(StandardCharsets.US_ASCII), 0, message, 0, 20);
        // The issuer keys of CredentialFormatsBenchmark, so the ratios compare like with like.
        ed25519 = BenchFixtures.ISSUER_ED25519;
        ed25519Signature = ed25519.sign(message);
        p256 = BenchFixtures.ISSUER_P256;
        p256Signature = p256.sign(message);

        // The signing input of the KYC vc+jwt that CredentialFormatsBenchmark verifies: the same bytes, so
        // the difference to vcJwtVerify is the format's own work, not SHA-512 over a longer message.
        String vcJwt = new CredentialIssuer(ed25519).issue(BenchFixtures.kycCredential(BenchFixtures.HOLDER_ED25519),
                SecuringFormat.JOSE, CredentialIssuer.Options.defaults().withClock(BenchFixtures.CLOCK));
        vcJwtSigningInput = vcJwt.substring(0, vcJwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        vcJwtSignature = Base64.getUrlDecoder().decode(vcJwt.substring(vcJwt.lastIndexOf('.') + 1));
        if (!ed25519.publicKey().verify(vcJwtSigningInput, vcJwtSignature)) {
            throw new IllegalStateException("the vc+jwt signature does not verify");
        }

        jdkEd25519 = BenchFixtures.jdkEd25519(ed25519);
        jdkEd25519Signature = jdkSign("Ed25519", jdkEd25519);
        jdkP256 = BenchFixtures.jdkP256(p256);
        jdkP256Signature = jdkSign("SHA256withECDSAinP1363Format", jdkP256);
        if (!jdkVerify("Ed25519", jdkEd25519, ed25519Signature) || !p256.publicKey().verify(message, jdkP256Signature)) {
            throw new IllegalStateException("the JDK key pairs are not the same keys as the SigningKeys");
        }
    }

    private byte[] jdkSign(String algorithm, KeyPair pair) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(pair.getPrivate());
        signature.update(message);
        return signature.sign();
    }

    private boolean jdkVerify(String algorithm, KeyPair pair, byte[] sig) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initVerify(pair.getPublic());
        signature.update(message);
        return signature.verify(sig);
    }

    @Benchmark
    public byte[] ed25519SignBouncyCastle() {
        return ed25519.sign(message);
    }

    @Benchmark
    public boolean ed25519VerifyBouncyCastle() {
        return ed25519.publicKey().verify(message, ed25519Signature);
    }

    /** The same as {@link #ed25519VerifyBouncyCastle} over the KYC vc+jwt's signing input (not 600 bytes). */
    @Benchmark
    public boolean ed25519VerifyBouncyCastleVcJwtInput() {
        return ed25519.publicKey().verify(vcJwtSigningInput, vcJwtSignature);
    }

    @Benchmark
    public byte[] ed25519SignJdk() throws Exception {
        return jdkSign("Ed25519", jdkEd25519);
    }

    @Benchmark
    public boolean ed25519VerifyJdk() throws Exception {
        return jdkVerify("Ed25519", jdkEd25519, jdkEd25519Signature);
    }

    @Benchmark
    public byte[] p256SignBouncyCastle() {
        return p256.sign(message);
    }

    @Benchmark
    public boolean p256VerifyBouncyCastle() {
        return p256.publicKey().verify(message, p256Signature);
    }

    @Benchmark
    public byte[] p256SignJdk() throws Exception {
        return jdkSign("SHA256withECDSAinP1363Format", jdkP256);
    }

    @Benchmark
    public boolean p256VerifyJdk() throws Exception {
        return jdkVerify("SHA256withECDSAinP1363Format", jdkP256, jdkP256Signature);
    }
}
