package org.creditmesh.identity.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.creditmesh.core.did.Did;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.identity.server.security.Roles;
import org.creditmesh.identity.server.trust.Accreditation;
import org.creditmesh.identity.server.trust.AccreditationRequest;
import org.creditmesh.identity.server.trust.TrustRegistry;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The trust registry: governance admins accredit, suspend and reinstate; anyone reads. */
@Path("/trust/accreditations")
@Consumes(MediaTypes.JSON)
@Produces({MediaTypes.JSON, "application/problem+json"})
@Tag(name = "Trust registry")
public class TrustResource {

    @Inject
    TrustRegistry registry;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Accredit an issuer",
            description = "Body {did, types, validFrom, validUntil, name?, jurisdictions?, signingKey?}. 201 with the accreditation "
                    + "and its BureauAccreditationCredential (Data Integrity eddsa-rdfc-2022, signed by the governance issuer). When "
                    + "accreditations are mirrored to the on-chain IssuerRegistry (creditmesh.registry.*), 'chain' says where the "
                    + "change is (pending, proposed, executed, failed); signingKey (an address or key hash) is then required for DIDs "
                    + "whose key the service cannot derive (other than did:key, did:jwk and the did:web issuers it hosts).")
    public Response accredit(@RequestBody(required = true, content = @Content(mediaType = MediaTypes.JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"did", "types", "validFrom", "validUntil"}),
            example = "{\"did\": \"did:web:bureau-one.example\", \"types\": [\"KycCredential\"], "
                    + "\"validFrom\": \"2027-01-01T00:00:00Z\", \"validUntil\": \"2028-01-01T00:00:00Z\"}")) byte[] body) {
        Accreditation a = registry.accredit(AccreditationRequest.parse(JsonBodies.object(body)), actor());
        return Response.created(URI.create("/trust/accreditations/" + a.did())).type(MediaTypes.JSON)
                .entity(Json.write(view(a, Instant.now()))).build();
    }

    @GET
    @Path("/{did}")
    @PermitAll
    @Operation(summary = "The accreditations of an issuer DID (public)",
            description = "Every accreditation with its history and credential. With ?type=T&at=X (RFC 3339) also the "
                    + "registry's decision: was the DID accredited for T (comma-separated types) at X.")
    public Response byDid(@PathParam("did") String did, @QueryParam("type") String type, @QueryParam("at") String at) {
        try {
            Did.parse(did);
        } catch (CreditMeshException e) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "not a DID: " + e.getMessage());
        }
        List<Accreditation> held = registry.byDid(did);
        if (held.isEmpty()) {
            throw new ProblemException(IdentityProblem.ACCREDITATION_NOT_FOUND, did + " holds no accreditation");
        }
        Instant now = Instant.now();
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("did", did);
        ArrayNode list = out.putArray("accreditations");
        held.forEach(a -> list.add(view(a, now)));
        if (type != null || at != null) {
            if (type == null || at == null) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, "'type' and 'at' are given together");
            }
            ObjectNode query = Json.mapper().createObjectNode().put("at", at);
            Instant instant = AccreditationRequest.optionalTime(query, "at").orElseThrow();
            out.set("decision", registry.decide(did, Arrays.asList(type.split(",")), instant).toJson());
        }
        return Response.ok(Json.write(out), MediaTypes.JSON).build();
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Suspend an accreditation",
            description = "Body {effectiveFrom?, reason?} (may be empty): suspended from effectiveFrom (default now) on. "
                    + "Credentials whose validFrom is earlier keep verifying.")
    public Response suspend(@PathParam("id") String id, byte[] body) {
        ObjectNode request = optionalBody(body);
        return Response.ok(Json.write(view(registry.suspend(id, AccreditationRequest.optionalTime(request, "effectiveFrom"),
                reason(request), actor()), Instant.now())), MediaTypes.JSON).build();
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Reinstate a suspended accreditation", description = "Body {effectiveFrom?, reason?} (may be empty).")
    public Response reinstate(@PathParam("id") String id, byte[] body) {
        ObjectNode request = optionalBody(body);
        return Response.ok(Json.write(view(registry.reinstate(id, AccreditationRequest.optionalTime(request, "effectiveFrom"),
                reason(request), actor()), Instant.now())), MediaTypes.JSON).build();
    }

    /**
     * The accreditation's JSON, with {@code chain} when it is mirrored on chain: where its newest change to the on-chain
     * registry is ({@code pending} → {@code proposed} (waiting for other admins) → {@code executed}, or {@code failed}),
     * the proposal, this service's last transaction, and the last error's code.
     */
    private ObjectNode view(Accreditation a, Instant now) {
        ObjectNode out = a.toJson(now);
        registry.chainStatus(a.id()).ifPresent(status -> {
            ObjectNode chain = out.putObject("chain");
            chain.put("action", status.action());
            chain.put("state", status.state().code());
            chain.put("notBefore", status.notBefore().toString());
            status.proposalId().ifPresent(id -> chain.put("proposalId", id));
            status.txHash().ifPresent(tx -> chain.put("txHash", tx));
            status.errorCode().ifPresent(code -> chain.put("error", code));
        });
        return out;
    }

    private static ObjectNode optionalBody(byte[] body) {
        return body == null || body.length == 0 ? Json.mapper().createObjectNode() : JsonBodies.object(body);
    }

    private static Optional<String> reason(ObjectNode request) {
        JsonNode reason = request.get("reason");
        if (reason == null || reason.isNull()) {
            return Optional.empty();
        }
        if (!reason.isTextual() || reason.asText().length() > 500) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'reason' is a string of at most 500 characters");
        }
        return Optional.of(reason.asText());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
