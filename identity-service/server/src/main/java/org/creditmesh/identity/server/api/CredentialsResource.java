package org.creditmesh.identity.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.verifier.VerificationReport;
import org.creditmesh.identity.server.issuance.IssuanceService;
import org.creditmesh.identity.server.issuance.IssuanceService.StatusAction;
import org.creditmesh.identity.server.issuance.RequestBodies;
import org.creditmesh.identity.server.organisation.Organisations;
import org.creditmesh.identity.server.security.Roles;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.identity.server.verification.VerificationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** W3C VC-API issuer and credential verifier endpoints. Thin: the work is in the services. */
@Path("/credentials")
@Consumes({MediaTypes.JSON, MediaTypes.LD_JSON, MediaTypes.VC_LD_JSON})
@Produces({MediaTypes.JSON, "application/problem+json"})
public class CredentialsResource {

    static final String ISSUE_EXAMPLE = """
            {"credential": {"@context": ["https://www.w3.org/ns/credentials/v2", "https://creditmesh.org/contexts/credit/v1"],
              "type": ["VerifiableCredential", "KycCredential"],
              "credentialSubject": {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "identityVerified": true}},
             "options": {"format": "di"}}""";

    @Inject
    IssuanceService issuance;

    @Inject
    VerificationService verification;

    @Inject
    Organisations organisations;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/issue")
    @RolesAllowed(Roles.BUREAU)
    @Tag(name = "Issuer")
    @Operation(summary = "Issue a credential",
            description = "Body {credential, options}; options.format is di (eddsa-rdfc-2022, default), vc+jwt or dc+sd-jwt. "
                    + "An Idempotency-Key header makes retries return the first credential. "
                    + "options.retain (true/false) overrides the bureau's retention setting for this credential; "
                    + "true is refused (409) unless the bureau turned retention on.")
    public Response issue(@RequestBody(required = true, content = @Content(mediaType = MediaTypes.JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "credential"),
            example = ISSUE_EXAMPLE)) byte[] body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String bureau = Actors.of(identity);
        IssuanceService.Issued issued = issuance.issue(body, Optional.ofNullable(idempotencyKey), bureau,
                organisations.issuerDidOf(bureau));
        Response.ResponseBuilder r = Response.status(Response.Status.CREATED).type(MediaTypes.JSON).entity(issued.body());
        if (issued.replayed()) {
            r.header("Idempotent-Replayed", "true");
        }
        return r.build();
    }

    @POST
    @Path("/status")
    @RolesAllowed(Roles.BUREAU)
    @Tag(name = "Issuer")
    @Operation(summary = "Revoke, suspend or reinstate a credential",
            description = "Body {credentialId, status: revoked | suspended | active}, or the VC-API form "
                    + "{credentialId, credentialStatus: {type, statusPurpose: revocation | suspension}, status: true | false}.")
    public Response status(@RequestBody(required = true, content = @Content(mediaType = MediaTypes.JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "credentialId"),
            example = "{\"credentialId\": \"urn:uuid:5b7c1f2e-9d8a-4e31-b6a0-1c2d3e4f5a01\", \"status\": \"revoked\"}")) byte[] body) {
        ObjectNode request = JsonBodies.object(body);
        JsonNode id = request.get("credentialId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'credentialId' is required");
        }
        StatusAction action = request.path("status").isBoolean() ? purposeBit(request) : namedStatus(request);
        IssuanceService.StatusChange change = issuance.changeStatus(id.asText(), action, Actors.of(identity));
        return Response.ok(Json.write(change.toJson()), MediaTypes.JSON).build();
    }

    /**
     * VC-API's UpdateCredentialStatusRequest: {@code credentialStatus: {type, statusPurpose}} names the bit and
     * {@code status} (a boolean) its value. Revocation cannot be undone.
     */
    private static StatusAction purposeBit(ObjectNode request) {
        JsonNode entry = request.path("credentialStatus");
        if (entry.isArray() && entry.size() == 1) {
            entry = entry.get(0);
        }
        String purpose = entry.path("statusPurpose").asText("");
        boolean set = request.get("status").booleanValue();
        return switch (purpose) {
            case "revocation" -> set ? StatusAction.REVOKE : StatusAction.KEEP_UNREVOKED;
            case "suspension" -> set ? StatusAction.SUSPEND : StatusAction.REINSTATE;
            default -> throw new ProblemException(HttpProblem.INVALID_REQUEST,
                    "'credentialStatus.statusPurpose' must be revocation or suspension when 'status' is a boolean");
        };
    }

    /** CreditMesh's own form: {@code status} names the state (or the older {@code credentialStatus: [{status}]}). */
    private static StatusAction namedStatus(ObjectNode request) {
        String status = request.path("status").asText(null);
        if (status == null && request.path("credentialStatus").isArray() && !request.get("credentialStatus").isEmpty()) {
            status = request.get("credentialStatus").get(0).path("status").asText(null);
        }
        if (status == null) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'status' is required: revoked, suspended or active");
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "revoked", "revoke", "revocation" -> StatusAction.REVOKE;
            case "suspended", "suspend", "suspension" -> StatusAction.SUSPEND;
            case "active", "reinstate", "reinstated", "unsuspended" -> StatusAction.REINSTATE;
            default -> throw new ProblemException(HttpProblem.INVALID_REQUEST, "'status' must be revoked, suspended or active");
        };
    }

    // Lenders verify; so may bureaus: the W3C VC-API suites call an implementation's issuer and verifier with the
    // one OAuth2 client its manifest names, and bureaus check what they are shown too.
    @POST
    @Path("/verify")
    @RolesAllowed({Roles.LENDER, Roles.BUREAU})
    @Tag(name = "Verifier")
    @Operation(summary = "Verify a credential",
            description = "Body {verifiableCredential, options}. 200 with every check when valid; "
                    + "422 problem details carrying the same report when not.")
    public Response verify(@RequestBody(required = true, content = @Content(mediaType = MediaTypes.JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "verifiableCredential"))) byte[] body) {
        return VerificationResponses.of(verification.verify(body, false, Actors.of(identity)));
    }

    /** How a verification report becomes a response: 200 only when every check passed or did not apply. */
    static final class VerificationResponses {
        private VerificationResponses() {
        }

        static Response of(VerificationReport report) {
            if (report.verified()) {
                return Response.ok(Json.write(report.toJson()), MediaTypes.JSON).build();
            }
            String failed = String.join(", ", report.failures().stream().map(f -> f.code()).distinct().toList());
            throw new ProblemException(IdentityProblem.VERIFICATION_FAILED, "failed checks: " + failed, report.toJson(), null);
        }
    }
}
