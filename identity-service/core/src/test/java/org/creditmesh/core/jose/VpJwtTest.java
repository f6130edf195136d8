package org.creditmesh.core.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.creditmesh.core.jose.VcJwtTest.HOLDER;
import static org.creditmesh.core.jose.VcJwtTest.ISSUER;
import static org.creditmesh.core.jose.VcJwtTest.credential;
import static org.creditmesh.core.jose.VcJwtTest.issuer;
import static org.creditmesh.core.jose.VcJwtTest.part;
import static org.creditmesh.core.jose.VcJwtTest.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.creditmesh.core.credential.Presentation;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.testing.DidKeyTestResolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** VC-JOSE-COSE section 3.1.2 (vp+jwt) with enveloped credentials (VCDM 2.0 section 4.13.1) and holder binding. */
class VpJwtTest {

    static final String NONCE = "n-0S6_WzA2Mj";
    static final String AUD = "https://lender.example/verifier";

    static String holderDid() {
        return DidKeyTestResolver.didKey(HOLDER.publicKey());
    }

    @Test
    @DisplayName("VC-JOSE-COSE 3.1.2: a vp+jwt signed by the holder, with data:application/vc+jwt enveloped credentials, verifies")
    void verifiesAHolderSignedPresentationOfEnvelopedCredentials() throws Exception {
        String vcJwt = issuer(ISSUER).issue(credential(ISSUER, HOLDER));
        Presentation vp = VcJwtIssuer.envelop(holderDid(), List.of(vcJwt));
        String vpJwt = issuer(HOLDER).present(vp, NONCE, AUD);

        JsonNode payload = part(vpJwt, 1);
        assertThat(part(vpJwt, 0).get("typ").asText()).isEqualTo("vp+jwt");
        assertThat(payload.get("verifiableCredential").get(0).get("id").asText()).isEqualTo("data:application/vc+jwt," + vcJwt);
        assertThat(payload.get("verifiableCredential").get(0).get("type").asText()).isEqualTo("EnvelopedVerifiableCredential");

        VerifiedPresentation verified = verifier().verifyPresentation(vpJwt, NONCE, AUD);
        assertThat(verified.holder()).isEqualTo(holderDid());
        assertThat(verified.credentials()).singleElement()
                .satisfies(c -> assertThat(c.credential()).isEqualTo(credential(ISSUER, HOLDER)));
    }

    @Test
    void refusesAReplayedPresentationForAnotherChallengeOrVerifier() throws Exception {
        String vpJwt = issuer(HOLDER).present(VcJwtIssuer.envelop(holderDid(),
                List.of(issuer(ISSUER).issue(credential(ISSUER, HOLDER)))), NONCE, AUD);
        assertThat(catchThrowableOfType(VcJwtException.class, () -> verifier().verifyPresentation(vpJwt, "fresh-nonce", AUD)).code())
                .isEqualTo(VcJwtError.NONCE_MISMATCH);
        assertThat(catchThrowableOfType(VcJwtException.class,
                () -> verifier().verifyPresentation(vpJwt, NONCE, "https://other.example")).code())
                .isEqualTo(VcJwtError.AUDIENCE_MISMATCH);
    }

    @Test
    void refusesAPresentationOfSomeoneElsesCredentialUnlessTheVerifierWaivesSubjectBinding() throws Exception {
        SigningKey other = VcJwtTest.key(7);
        String vcJwt = issuer(ISSUER).issue(credential(ISSUER, HOLDER));
        String vpJwt = issuer(other).present(VcJwtIssuer.envelop(DidKeyTestResolver.didKey(other.publicKey()), List.of(vcJwt)), NONCE, AUD);
        assertThat(catchThrowableOfType(VcJwtException.class, () -> verifier().verifyPresentation(vpJwt, NONCE, AUD)).code())
                .isEqualTo(VcJwtError.HOLDER_BINDING_FAILED);
        assertThat(verifier().withHolderIsSubject(false).verifyPresentation(vpJwt, NONCE, AUD).credentials()).hasSize(1);
    }

    @Test
    void refusesToSignAPresentationForAHolderWhoseKeyItIsNot() throws Exception {
        SigningKey other = VcJwtTest.key(7);
        Presentation vp = VcJwtIssuer.envelop(holderDid(), List.of(issuer(ISSUER).issue(credential(ISSUER, HOLDER))));
        assertThat(catchThrowableOfType(VcJwtException.class, () -> issuer(other).present(vp, NONCE, AUD)).code())
                .isEqualTo(VcJwtError.HOLDER_BINDING_FAILED);
    }

    @Test
    void passesOnTheCodeOfAnEnvelopedCredentialThatFails() throws Exception {
        String vcJwt = issuer(ISSUER).issue(credential(ISSUER, HOLDER));
        String broken = vcJwt.substring(0, vcJwt.length() - 4) + (vcJwt.endsWith("AAAA") ? "BBBB" : "AAAA");
        String vpJwt = issuer(HOLDER).present(VcJwtIssuer.envelop(holderDid(), List.of(broken)), NONCE, AUD);
        VcJwtException e = catchThrowableOfType(VcJwtException.class, () -> verifier().verifyPresentation(vpJwt, NONCE, AUD));
        assertThat(e.code()).isEqualTo(VcJwtError.SIGNATURE_INVALID);
        assertThat(e.getMessage()).startsWith("enveloped credential 0");
    }

    @Test
    void refusesAPresentationGivenToTheCredentialVerifier() throws Exception {
        String vpJwt = issuer(HOLDER).present(VcJwtIssuer.envelop(holderDid(),
                List.of(issuer(ISSUER).issue(credential(ISSUER, HOLDER)))), NONCE, AUD);
        assertThat(catchThrowableOfType(VcJwtException.class, () -> verifier().verify(vpJwt)).code())
                .isEqualTo(VcJwtError.WRONG_TYP);
    }
}
