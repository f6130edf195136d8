package org.creditmesh.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.creditmesh.core.jose.KeyJwsVerifier;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the OpenID4VCI 1.0 wallet that need no issuer: offers, well-known URIs, key proofs, storage. */
class Oid4vciWalletTest {

    /** OpenID4VCI 1.0 section 4.1.2, the by-value example (a native-app link), decoded form. */
    static final String SPEC_OFFER_BY_VALUE = "openid-credential-offer://?credential_offer=%7B%22credential_issuer%22:"
            + "%22https://credential-issuer.example.com%22,%22credential_configuration_ids%22:%5B%22org.iso.18013.5.1.mDL%22%"
            + "5D,%22grants%22:%7B%22urn:ietf:params:oauth:grant-type:pre-authorized_code%22:%7B%22pre-authorized_code%22:"
            + "%22oaKazRN8I0IbtZ0C7JuMn5%22,%22tx_code%22:%7B%22input_mode%22:%22text%22,%22description%22:%22Please%20enter"
            + "%20the%20serial%20number%20of%20your%20physical%20drivers%20license%22%7D%7D%7D%7D";

    final Oid4vciWallet wallet = Oid4vciWallet.builder(SigningKey.generate(KeyType.ED25519)).build();

    @Test
    void readsTheSection412OfferByValueExample() throws Exception {
        CredentialOffer offer = wallet.resolveOffer(SPEC_OFFER_BY_VALUE);
        assertThat(offer.credentialIssuer()).isEqualTo("https://credential-issuer.example.com");
        assertThat(offer.configurationIds()).containsExactly("org.iso.18013.5.1.mDL");
        assertThat(offer.preAuthorizedCode()).isEqualTo("oaKazRN8I0IbtZ0C7JuMn5");
        assertThat(offer.txCode()).isPresent();
        assertThat(offer.txCode().get().inputMode()).isEqualTo("text");
        assertThat(offer.txCode().get().description()).contains("Please enter the serial number of your physical drivers license");
    }

    @Test
    void anEmptyTxCodeObjectStillRequiresATransactionCode() throws Exception {
        // Section 4.1.1: "Object indicating that a Transaction Code is required if present, even if empty."
        CredentialOffer offer = CredentialOffer.parse(Json.parse("""
                {"credential_issuer": "https://credential-issuer.example.com",
                 "credential_configuration_ids": ["UniversityDegree_LDP_VC"],
                 "grants": {"urn:ietf:params:oauth:grant-type:pre-authorized_code":
                   {"pre-authorized_code": "adhjhdjajkdkhjhdj", "tx_code": {}}}}"""));
        assertThat(offer.txCode()).isPresent();
        assertThat(offer.txCode().get().inputMode()).isEqualTo("numeric");
        assertThatThrownBy(() -> wallet.redeem("https://credential-issuer.example.com/token", offer, Optional.empty()))
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.code()).isEqualTo(WalletError.TX_CODE_REQUIRED));
    }

    @Test
    void refusesOffersWithoutAPreAuthorizedGrantOrWithBothForms() {
        assertThatThrownBy(() -> CredentialOffer.parse(Json.parse("""
                {"credential_issuer": "https://i.example", "credential_configuration_ids": ["a"],
                 "grants": {"authorization_code": {"issuer_state": "x"}}}""")))
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.code()).isEqualTo(WalletError.INVALID_OFFER));
        assertThatThrownBy(() -> wallet.resolveOffer("openid-credential-offer://?credential_offer=%7B%7D&credential_offer_uri=https%3A%2F%2Fi.example%2Fo"))
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.code()).isEqualTo(WalletError.INVALID_OFFER));
        assertThatThrownBy(() -> wallet.resolveOffer("openid-credential-offer://?credential_offer_uri=http%3A%2F%2Fi.example%2Fo"))
                .as("section 4.1: credential_offer_uri uses the https scheme")
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.code()).isEqualTo(WalletError.INVALID_OFFER));
    }

    @Test
    void insertsTheWellKnownSegmentBetweenHostAndPathAsSection1222Says() throws Exception {
        assertThat(Oid4vciWallet.wellKnown("https://issuer.example.com/tenant", "/.well-known/openid-credential-issuer"))
                .isEqualTo("https://issuer.example.com/.well-known/openid-credential-issuer/tenant");
        assertThat(Oid4vciWallet.wellKnown("https://tenant.issuer.example.com", "/.well-known/openid-credential-issuer"))
                .isEqualTo("https://tenant.issuer.example.com/.well-known/openid-credential-issuer");
        assertThatThrownBy(() -> Oid4vciWallet.wellKnown("http://issuer.example.com", "/.well-known/openid-credential-issuer"))
                .isInstanceOf(WalletException.class);
        assertThatThrownBy(() -> Oid4vciWallet.wellKnown("https://issuer.example.com?x=1", "/.well-known/openid-credential-issuer"))
                .isInstanceOf(WalletException.class);
    }

    @Test
    void metadataForAnotherIssuerIsNotUsed() {
        assertThatThrownBy(() -> IssuerMetadata.parse(Json.parse("""
                {"credential_issuer": "https://evil.example", "credential_endpoint": "https://evil.example/c",
                 "credential_configurations_supported": {}}"""), "https://issuer.example"))
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.code()).isEqualTo(WalletError.INVALID_METADATA));
    }

    @Test
    void keyProofsFollowAppendixF1() throws Exception {
        SigningKey holder = SigningKey.generate(KeyType.P256);
        Instant iat = Instant.parse("2026-12-06T01:00:00Z");
        SignedJWT proof = SignedJWT.parse(KeyProofs.jwt(holder, "https://issuer.example", Optional.of("n-0S6_WzA2Mj"), iat));
        assertThat(proof.getHeader().getType().toString()).isEqualTo("openid4vci-proof+jwt");
        assertThat(proof.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(proof.getHeader().getKeyID()).isNull();
        assertThat(VerificationKey.fromJwk(proof.getHeader().getJWK())).isEqualTo(holder.publicKey());
        assertThat(proof.getHeader().getJWK().isPrivate()).isFalse();
        assertThat(proof.getJWTClaimsSet().getAudience()).containsExactly("https://issuer.example");
        assertThat(proof.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(iat);
        assertThat(proof.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(proof.getJWTClaimsSet().getIssuer()).as("anonymous pre-authorized access: no iss").isNull();
        assertThat(proof.verify(new KeyJwsVerifier(holder.publicKey()))).isTrue();
        assertThat(JWSObject.parse(proof.serialize()).getState()).isEqualTo(JWSObject.State.SIGNED);
    }

    @Test
    void theFileStoreKeepsCredentialsAcrossInstances(@TempDir Path dir) throws Exception {
        ReceivedCredential credential = new ReceivedCredential("urn:uuid:1", "https://issuer.example", "Kyc", "dc+sd-jwt",
                "eyJ.a.b~", "did:jwk:x", Instant.parse("2026-12-06T01:00:00Z"));
        new FileCredentialStore(dir).save(credential);
        FileCredentialStore reopened = new FileCredentialStore(dir);
        assertThat(reopened.list()).containsExactly(credential);
        assertThat(reopened.get("urn:uuid:1")).contains(credential);
        assertThat(reopened.get("urn:uuid:2")).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).hasSize(1);
        }
    }
}
