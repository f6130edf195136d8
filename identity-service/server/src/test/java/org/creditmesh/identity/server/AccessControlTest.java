package org.creditmesh.identity.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation in the OpenAPI document needs a token, except the public ones listed here: a new endpoint is
 * either guarded with @RolesAllowed or added to this list on purpose.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AccessControlTest {

    static final Set<String> PUBLIC = Set.of(
            "GET /.well-known/did.json", "GET /{path}/did.json", "GET /status/{listId}",
            "POST /oauth2/token", "GET /oauth2/jwks", "GET /.well-known/oauth-authorization-server",
            // OpenID4VCI: discovery, the offer a wallet resolves, and the pre-authorized flow's own token and nonce
            // endpoints (the credential endpoint takes that flow's access token, not an organisation's).
            "GET /.well-known/openid-credential-issuer", "GET /.well-known/oauth-authorization-server/oid4vci",
            "GET /oid4vci/offers/{offerId}", "POST /oid4vci/token", "POST /oid4vci/nonce",
            // OpenID4VP: what the wallet fetches and where it answers.
            "GET /oid4vp/request-objects/{ref}", "POST /oid4vp/response", "GET /oid4vp/jwks",
            // Trust registry reads, issuers' DID documents and Token Status Lists: any lender anywhere checks them.
            "GET /trust/accreditations/{did}", "GET /issuers/{name}/did.json", "GET /status-lists/{listId}",
            // Anchor proofs of what the service published: anyone holding a document checks it.
            "GET /anchors/{sha256}");

    @Test
    void everyOperationButThePublicOnesAnswers401WithoutAToken() {
        JsonNode paths = TestClients.parse(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString())
                .path("paths");
        List<String> seen = new ArrayList<>();
        paths.properties().forEach(p -> p.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
            String operation = method + " " + p.getKey();
            seen.add(operation);
            String path = p.getKey().replaceAll("\\{[^}]+}", "x");
            int status = given().contentType("application/json").body("{}").request(method, path).statusCode();
            if (PUBLIC.contains(operation)) {
                assertThat(status).as(operation).isNotEqualTo(401).isNotEqualTo(403);
            } else {
                assertThat(status).as(operation + " without a token").isEqualTo(401);
            }
        }));
        assertThat(seen).contains("POST /credentials/issue", "POST /credentials/status", "POST /credentials/verify",
                "POST /presentations/verify", "POST /admin/organisations", "GET /audit", "POST /oauth2/token");
    }
}
