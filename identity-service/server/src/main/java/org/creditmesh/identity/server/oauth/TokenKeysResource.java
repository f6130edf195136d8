package org.creditmesh.identity.server.oauth;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rotation of the access-token signing key, by an admin, audited. */
@Path("/admin/token-keys")
@Produces({"application/json", "application/problem+json"})
@Tag(name = "Administration")
public class TokenKeysResource {

    @Inject
    TokenKeys keys;

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/rotate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rotate the access-token signing key",
            description = "A new key signs from now on; the JWKS publishes both, and tokens signed with the old key keep "
                    + "working until they expire. The old key is withdrawn at previousWithdrawsAt (token lifetime plus "
                    + "clock skew after the rotation). Resource servers reading the JWKS fetch it again on the new kid.")
    public Response rotate() {
        TokenKeys.Rotation rotation;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                rotation = keys.rotate(c);
                audit.append(c, identity.getPrincipal().getName(), "rotate-token-key", "oauth-token-key",
                        rotation.previousKid() + " -> " + rotation.kid());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the token key rotation could not be recorded", e);
        }
        var out = Json.mapper().createObjectNode().put("kid", rotation.kid()).put("previousKid", rotation.previousKid())
                .put("previousWithdrawsAt", rotation.previousWithdrawsAt().toString());
        return Response.ok(Json.write(out), "application/json").header("Cache-Control", "no-store").build();
    }
}
