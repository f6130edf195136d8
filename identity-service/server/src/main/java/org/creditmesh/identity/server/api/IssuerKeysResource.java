package org.creditmesh.identity.server.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.identity.server.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key rotation of the service's did:web issuers ({@code default}, {@code governance}). */
@Path("/admin/issuers")
@Produces({MediaTypes.JSON, "application/problem+json"})
@Tag(name = "Administration")
public class IssuerKeysResource {

    @Inject
    IssuerKeys keys;

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The service's issuers",
            description = "Each issuer's name, DID, current verification method and all its verification methods, oldest first: "
                    + "the DIDs a governance admin accredits.")
    public Response list() {
        var out = Json.mapper().createObjectNode();
        var list = out.putArray("issuers");
        keys.issuers().forEach((name, issuer) -> {
            var entry = list.addObject().put("name", name).put("did", issuer.issuer())
                    .put("verificationMethod", issuer.verificationMethod());
            var methods = entry.putArray("verificationMethods");
            keys.verificationMethods(name).forEach(methods::add);
        });
        return Response.ok(Json.write(out), MediaTypes.JSON).build();
    }

    @POST
    @Path("/{issuer}/keys/rotate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rotate an issuer's signing key",
            description = "A new Ed25519 key in the keystore with a new verification method (key-n); new credentials are "
                    + "signed with it, and the DID document keeps the older keys so what they signed still verifies. "
                    + "409 key-rotation-unsupported for a did:key issuer.")
    public Response rotate(@PathParam("issuer") String issuer) {
        IssuerKeys.Rotation rotation = keys.rotate(issuer);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                audit.append(c, identity.getPrincipal().getName(), "rotate-key", rotation.did(),
                        rotation.previousVerificationMethod() + " -> " + rotation.verificationMethod());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the key was rotated, but the audit log could not be written", e);
        }
        var out = Json.mapper().createObjectNode().put("issuer", rotation.issuer()).put("did", rotation.did())
                .put("previousVerificationMethod", rotation.previousVerificationMethod())
                .put("verificationMethod", rotation.verificationMethod());
        var methods = out.putArray("verificationMethods");
        keys.verificationMethods(issuer).forEach(methods::add);
        return Response.ok(Json.write(out), MediaTypes.JSON).build();
    }
}
