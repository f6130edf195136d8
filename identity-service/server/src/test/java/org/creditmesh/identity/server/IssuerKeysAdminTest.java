package org.creditmesh.identity.server;

import static io.restassured.RestAssured.given;
import static org.creditmesh.identity.server.TrustFixtures.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;

/** Key rotation where it cannot happen: did:key issuers (the default), unknown issuers, callers who are not admins. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IssuerKeysAdminTest {

    @Test
    @TestSecurity(user = "governance-admin", roles = Roles.ADMIN)
    void aDidKeyIssuerCannotRotateAndAnUnknownIssuerIsNotFound() {
        given().when().post("/admin/issuers/default/keys/rotate").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "key-rotation-unsupported"));
        given().when().post("/admin/issuers/nobody/keys/rotate").then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "issuer-not-found"));
    }

    @Test
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void onlyAdminsRotate() {
        given().when().post("/admin/issuers/default/keys/rotate").then().statusCode(403);
    }
}
