package org.creditmesh.scoring.server.api;

import io.quarkus.security.identity.SecurityIdentity;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.creditmesh.core.json.Json;
import org.creditmesh.scoring.server.keys.ScoringKeys;
import org.creditmesh.scoring.server.registry.LoadedModel;
import org.creditmesh.scoring.server.registry.ModelRef;
import org.creditmesh.scoring.server.registry.ModelRegistry;
import org.creditmesh.scoring.server.scoring.ScoreRequest;
import org.creditmesh.scoring.server.scoring.ScoringService;
import org.creditmesh.scoring.server.security.Roles;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.service.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scoring a borrower from their presentation, for lenders. */
@Path("/scores")
@Produces({ScoresResource.JSON, ProblemType.MEDIA_TYPE})
@Tag(name = "Scoring")
public class ScoresResource {

    static final String JSON = "application/json";

    @Inject
    ScoringService scoring;

    @Inject
    ModelRegistry registry;

    @Inject
    SecurityIdentity identity;

    @Inject
    ScoringKeys keys;

    @POST
    @Consumes(JSON)
    @RolesAllowed(Roles.LENDER)
    @Operation(summary = "Score a borrower's presentation",
            description = "Body {vp_token: {<DCQL credential id>: [<SD-JWT VC + KB-JWT>]}, nonce, audience, application?, "
                    + "issueScoreCredential?}. Verifies each presentation (signature, status, trusted issuer, holder binding to "
                    + "the nonce and audience), maps the disclosed claims to the lender's active model and scores. 200 with "
                    + "score, band, reason codes and model fingerprint (and a CreditScoreCredential SD-JWT VC when asked); 422 "
                    + "problem details naming the claim or the failed checks otherwise. Only the presentation's SHA-256 and "
                    + "the result are stored.")
    public Response score(@RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"vp_token", "nonce", "audience"}))) byte[] body) {
        ScoreRequest request = ScoreRequest.parse(body);
        return Response.ok(Json.write(scoring.score(request, identity.getPrincipal().getName())), JSON).build();
    }

    @GET
    @Path("/issuer")
    @PermitAll
    @Operation(summary = "The issuer of score credentials",
            description = "The DID (and verification method) that signs this service's CreditScoreCredentials: what a "
                    + "lender puts on its trust list to accept them.")
    public Response issuer() {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("issuer", keys.issuer().issuer());
        out.put("verificationMethod", keys.issuer().verificationMethod());
        return Response.ok(Json.write(out), JSON).build();
    }

    @GET
    @Path("/request")
    @RolesAllowed(Roles.LENDER)
    @Operation(summary = "The presentation request of the active model",
            description = "The DCQL query (OpenID4VP 1.0) asking exactly the claims the model needs, and the loan application "
                    + "members the lender sends in POST /scores. For the caller's active model, or the version named by "
                    + "'model' and 'version'.")
    public Response request(@QueryParam("model") String model, @QueryParam("version") String version) {
        LoadedModel loaded;
        if (model == null && version == null) {
            loaded = registry.active(identity.getPrincipal().getName());
        } else if (model == null || version == null || model.isBlank() || version.isBlank()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'model' and 'version' are given together");
        } else {
            loaded = registry.get(new ModelRef(model, version));
        }
        return Response.ok(Json.write(scoring.request(loaded)), JSON).build();
    }
}
