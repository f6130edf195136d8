package org.creditmesh.core.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The unified verifier reads a vc+jwt's {@code typ} without Nimbus when the header is plain; for such headers
 * it must read exactly what {@code JWSObject.parse} reads, and leave every other header to Nimbus (null).
 */
class PlainHeaderTypTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String REST = ".eyJhIjoxfQ.c2ln";

    private static String jws(String headerJson) {
        return B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + REST;
    }

    @Test
    void readsTheSameTypAsNimbusForPlainHeaders() throws Exception {
        for (String header : new String[] {
                "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\"did:key:z6Mk#z6Mk\"}",
                "{\"alg\":\"ES256\",\"typ\":\"application/vp+jwt\"}",
                "{\"kid\":\"k\",\"alg\":\"ES256K\",\"cty\":\"vc\",\"typ\":\"VC+JWT\"}",
                "{\"alg\":\"Ed25519\",\"typ\":\"vp+jwt\"}",
                "{\"alg\":\"EdDSA\"}"}) {
            String jwt = jws(header);
            var type = JWSObject.parse(jwt).getHeader().getType();
            assertThat(CredentialVerifier.plainHeaderTyp(jwt)).as(header).isNotNull()
                    .isEqualTo(type == null ? "" : type.toString());
        }
    }

    @Test
    void leavesEveryOtherHeaderToNimbus() {
        for (String header : new String[] {
                "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"crit\":[\"b64\"],\"b64\":false}",
                "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"jwk\":{\"kty\":\"OKP\"}}",
                "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"iss\":\"did:example:x\"}",
                "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":7}",
                "{\"alg\":\"EdDSA\",\"typ\":[\"vc+jwt\"]}",
                "{\"alg\":\"none\",\"typ\":\"vc+jwt\"}",
                "{\"alg\":\"HS256\",\"typ\":\"vc+jwt\"}",
                "{\"typ\":\"vc+jwt\"}",
                "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"typ\":\"vp+jwt\"}",
                "{\"alg\":\"EdDSA\",\"enc\":\"A256GCM\"}",
                "[\"alg\"]",
                "not json"}) {
            assertThat(CredentialVerifier.plainHeaderTyp(jws(header))).as(header).isNull();
        }
        String plain = jws("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\"}");
        for (String jwt : new String[] {plain + ".x", plain.substring(0, plain.lastIndexOf('.')), "." + plain,
                "eyJhbGciOiJFZERTQSJ9=" + REST, "eyJhbGciOi JFZERTQSJ9" + REST}) {
            assertThat(CredentialVerifier.plainHeaderTyp(jwt)).as(jwt).isNull();
        }
    }
}
