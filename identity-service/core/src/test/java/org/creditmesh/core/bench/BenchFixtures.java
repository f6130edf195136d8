package org.creditmesh.core.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.verifier.Challenge;

/**
 * What every benchmark shares, so that the format benchmarks and the raw primitives run on the same keys:
 * fixed keys derived from fixed seeds, one fixed instant for issuing, presenting and verifying (a KB-JWT's
 * {@code iat} never ages during a long run), the KYC credential and the 20 paths an SD-JWT discloses.
 */
final class BenchFixtures {

    /** Issuing, presenting and verifying all happen at this instant (inside the credential's validity). */
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Challenge CHALLENGE = new Challenge("n-0S6_WzA2Mj", "https://lender.example");

    /**
     * 20 claim paths of the KYC credential's subject: its 13 top-level claims plus 7 members nested in
     * two of them (recursive disclosures, RFC 9901 section 4.2.6).
     */
    static final List<ClaimPath> DISCLOSABLE = List.of(
            ClaimPath.of("identityVerified"), ClaimPath.of("assuranceLevel"), ClaimPath.of("identityVerification"),
            ClaimPath.of("countryOfResidence"), ClaimPath.of("ageBand"), ClaimPath.of("ageOver18"),
            ClaimPath.of("employment"), ClaimPath.of("financialProfile"), ClaimPath.of("telephoneRegistered"),
            ClaimPath.of("residenceDurationBand"), ClaimPath.of("maritalStatus"), ClaimPath.of("sex"),
            ClaimPath.of("foreignWorker"),
            ClaimPath.of("employment", "employmentType"), ClaimPath.of("employment", "employmentDurationBand"),
            ClaimPath.of("employment", "employmentSeniorityYears"), ClaimPath.of("employment", "jobSkillLevel"),
            ClaimPath.of("financialProfile", "incomeBand"), ClaimPath.of("financialProfile", "expensesBand"),
            ClaimPath.of("financialProfile", "housingStatus"));

    static final SigningKey ISSUER_ED25519 = key(KeyType.ED25519, "creditmesh-bench issuer ed25519");
    static final SigningKey HOLDER_ED25519 = key(KeyType.ED25519, "creditmesh-bench holder ed25519");
    static final SigningKey ISSUER_P256 = key(KeyType.P256, "creditmesh-bench issuer p-256");
    static final SigningKey HOLDER_P256 = key(KeyType.P256, "creditmesh-bench holder p-256");

    private BenchFixtures() {
    }

    /** The KYC credential of {@code bench/kyc-credential.json} (no issuer, no status), about {@code holder}. */
    static ObjectNode kycCredential(SigningKey holder) throws CreditMeshException {
        try (InputStream in = BenchFixtures.class.getResourceAsStream("/bench/kyc-credential.json")) {
            if (in == null) {
                throw new IllegalStateException("bench/kyc-credential.json is not on the test class path");
            }
            ObjectNode credential = Json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ((ObjectNode) credential.get("credentialSubject")).put("id", DidKey.create(holder.publicKey()).toString());
            return credential;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SigningKey key(KeyType type, String seed) {
        try {
            byte[] bytes = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return SigningKey.fromPrivateBytes(type, bytes);
        } catch (Exception e) {
            throw new IllegalStateException("fixed benchmark key " + seed, e);
        }
    }

    /** The same Ed25519 key pair as a JDK (SunEC) key pair, so the JDK provider is timed on the same key. */
    static KeyPair jdkEd25519(SigningKey key) throws Exception {
        OctetKeyPair jwk = (OctetKeyPair) key.exportPrivateJwk();
        HexFormat hex = HexFormat.of();
        // RFC 8410 DER prefixes for an Ed25519 PKCS#8 private key and SubjectPublicKeyInfo.
        byte[] pkcs8 = concat(hex.parseHex("302e020100300506032b657004220420"), jwk.getDecodedD());
        byte[] spki = concat(hex.parseHex("302a300506032b6570032100"), jwk.getDecodedX());
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(spki)),
                factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
    }

    /** The same P-256 key pair as a JDK key pair. */
    static KeyPair jdkP256(SigningKey key) throws Exception {
        ECKey jwk = (ECKey) key.exportPrivateJwk();
        return new KeyPair(jwk.toECPublicKey(), jwk.toECPrivateKey());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
