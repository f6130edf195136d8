package org.creditmesh.core.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.testing.DidKeyTestResolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A vc+jwt and a vp+jwt made by another implementation (Python {@code cryptography}, see
 * {@code src/test/scripts/generate_vc_negative_cases.py}) with the negative corpus keys: the valid
 * counterparts of the {@code vcjwt-*}/{@code vpjwt-*} cases, so those fail for their stated reason only.
 */
class VcJwtInteropTest {

    @Test
    @DisplayName("VC-JOSE-COSE 3.1.1 and 3.1.2: JWS made by Python cryptography verify")
    void verifiesCredentialAndPresentationMadeByAnotherImplementation() throws Exception {
        JsonNode vector;
        try (InputStream in = getClass().getResourceAsStream("/interop/python-cryptography-vc-jwt.json")) {
            vector = Json.parse(in.readAllBytes());
        }
        Clock now = Clock.fixed(Instant.parse(vector.get("now").asText()), ZoneOffset.UTC);
        VcJwtVerifier verifier = new VcJwtVerifier(new DidKeyTestResolver(), new DataModelValidator(), now);
        VerifiedCredential credential = verifier.verify(vector.get("vcJwt").asText());
        assertThat(credential.credential().json()).isEqualTo(vector.get("credential"));
        VerifiedPresentation presentation = verifier.verifyPresentation(vector.get("vpJwt").asText(),
                vector.get("nonce").asText(), vector.get("aud").asText());
        assertThat(presentation.holder()).isEqualTo(vector.get("holderDid").asText());
        assertThat(presentation.credentials()).hasSize(1);
    }
}
