package org.creditmesh.scoring.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.anchor.outbox.AnchorStatus;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.core.json.Json;
import org.creditmesh.scoring.scorecard.ModelStore;
import org.creditmesh.scoring.server.anchoring.ModelAnchoring;
import org.creditmesh.scoring.server.monitoring.ScorePsi;
import org.creditmesh.scoring.server.problem.ScoringProblem;
import org.creditmesh.scoring.server.registry.LoadedModel;
import org.creditmesh.scoring.server.registry.ModelFiles;
import org.creditmesh.scoring.server.registry.ModelRef;
import org.creditmesh.scoring.server.registry.ModelRegistry;
import org.creditmesh.scoring.server.security.Roles;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.service.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The model registry, for admins: register versions, activate them per lender or as the default, monitor them. */
@Path("/models")
@Produces({ScoresResource.JSON, ProblemType.MEDIA_TYPE})
@Tag(name = "Models")
@RolesAllowed(Roles.ADMIN)
public class ModelsResource {

    private static final Set<String> FILES = Set.of(ModelStore.SCORECARD, ModelStore.PROVENANCE, ModelStore.TRIBUO_MODEL);

    @Inject
    ModelRegistry registry;

    @Inject
    ScorePsi psi;

    @Inject
    SecurityIdentity identity;

    @Inject
    ModelAnchoring anchoring;

    @POST
    @Consumes(ScoresResource.JSON)
    @Operation(summary = "Register a model version",
            description = "Body {id, version, dataset, files: {\"scorecard.json\", \"provenance.json\", \"logistic.tribuo\"?: base64}}: "
                    + "a ModelStore directory (as written by 'creditmesh model train'). Refused when the files do not match "
                    + "their fingerprint or an attribute has no claim in the data set's mapping table. 201 with the model's "
                    + "fingerprint and the claims it needs.")
    public Response register(@RequestBody(required = true, content = @Content(mediaType = ScoresResource.JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = {"id", "version", "dataset", "files"}))) byte[] body) {
        ObjectNode json = JsonBodies.object(body);
        ModelRef ref = new ModelRef(text(json, "id"), text(json, "version"));
        String dataset = text(json, "dataset");
        ObjectNode files = JsonBodies.requiredObject(json, "files");
        files.fieldNames().forEachRemaining(name -> {
            if (!FILES.contains(name)) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, "'files' holds " + FILES + " only");
            }
        });
        ModelFiles modelFiles = new ModelFiles(file(files, ModelStore.SCORECARD, true), file(files, ModelStore.PROVENANCE, true),
                file(files, ModelStore.TRIBUO_MODEL, false));
        LoadedModel model = registry.register(new ModelRegistry.Registration(ref, dataset, modelFiles), caller());
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("id", ref.id());
        out.put("version", ref.version());
        out.put("dataset", dataset);
        out.put("fingerprint", "sha256:" + model.scorecard().fingerprint());
        out.set("requiredAttributes", Json.mapper().valueToTree(model.scorecard().requiredAttributes()));
        out.set("credentialClaims", Json.mapper().valueToTree(model.requirements().credential().stream().map(c -> c.claim().claim()).toList()));
        out.set("applicationClaims", Json.mapper().valueToTree(model.requirements().application().stream().map(c -> c.claim().claim()).toList()));
        return Response.created(URI.create("/models/" + ref.id() + "/" + ref.version())).entity(Json.write(out))
                .type(ScoresResource.JSON).build();
    }

    @GET
    @Operation(summary = "List the registered model versions, with where each is active")
    public Response list() {
        return Response.ok(Json.write(registry.list()), ScoresResource.JSON).build();
    }

    @GET
    @Path("/activations")
    @Operation(summary = "The activation log, newest first")
    public Response activations() {
        return Response.ok(Json.write(registry.activations()), ScoresResource.JSON).build();
    }

    @POST
    @Path("/{id}/{version}/activate")
    @Consumes(ScoresResource.JSON)
    @Operation(summary = "Activate a model version",
            description = "Body {lender?: client id}: that lender's model, or the default (used by lenders without their own) "
                    + "when 'lender' is absent. The version's stored files are checked against their fingerprint first.")
    public Response activate(@PathParam("id") String id, @PathParam("version") String version, byte[] body) {
        ObjectNode json = JsonBodies.object(body);
        JsonNode lender = json.get("lender");
        if (lender != null && !lender.isNull() && (!lender.isTextual() || lender.asText().isBlank())) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'lender' is a client id");
        }
        Optional<String> scope = lender == null || lender.isNull() ? Optional.empty() : Optional.of(lender.asText());
        ModelRef ref = new ModelRef(id, version);
        registry.activate(ref, scope, caller());
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("id", id);
        out.put("version", version);
        out.put("scope", scope.isPresent() ? "lender" : ModelRegistry.DEFAULT_SCOPE);
        scope.ifPresent(l -> out.put("lender", l));
        return Response.ok(Json.write(out), ScoresResource.JSON).build();
    }

    @GET
    @Path("/{id}/{version}/psi")
    @Operation(summary = "Population stability of the version's recent scores against its training scores",
            description = "PSI over the training-score intervals; STABLE under 0.10, WATCH to 0.25, SHIFT above.")
    public Response psi(@PathParam("id") String id, @PathParam("version") String version) {
        return Response.ok(Json.write(psi.of(registry.get(new ModelRef(id, version)))), ScoresResource.JSON).build();
    }

    @GET
    @Path("/{id}/{version}/anchor")
    @Operation(summary = "The on-chain anchor of the version's fingerprint",
            description = "200 with the anchor proof (ledger-anchor's CreditMeshAnchorProof, see PROOF-FORMAT.md) once its batch "
                    + "is confirmed; 202 {status} while it is queued, batched, sent or mined; 404 anchoring-off when this "
                    + "service does not anchor (creditmesh.anchor.rpc-url unset).")
    public Response anchor(@PathParam("id") String id, @PathParam("version") String version) {
        if (!anchoring.enabled()) {
            throw new ProblemException(ScoringProblem.ANCHORING_OFF, "creditmesh.anchor.rpc-url is not configured");
        }
        String fingerprint = registry.get(new ModelRef(id, version)).scorecard().fingerprint();
        try {
            Optional<AnchorProof> proof = anchoring.proof(fingerprint);
            if (proof.isPresent()) {
                return Response.ok(proof.get().toJson(), ScoresResource.JSON).build();
            }
            ObjectNode out = Json.mapper().createObjectNode();
            Optional<AnchorStatus> status = anchoring.status(fingerprint);
            // Not in the outbox: registered while anchoring was off; it is queued at the next start.
            out.put("status", status.map(s -> s.state().name().toLowerCase(Locale.ROOT)).orElse("not-queued"));
            out.put("fingerprint", "sha256:" + fingerprint);
            return Response.status(Response.Status.ACCEPTED).entity(Json.write(out)).type(ScoresResource.JSON).build();
        } catch (OutboxException e) {
            throw new IllegalStateException("the anchoring outbox is unavailable: " + e.code().code(), e);
        }
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    private static String text(ObjectNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + name + "' is a required non-empty string");
        }
        return node.asText();
    }

    private static byte[] file(ObjectNode files, String name, boolean required) {
        JsonNode node = files.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, "'files' must hold " + name);
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'files." + name + "' is base64");
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'files." + name + "' is not valid base64");
        }
    }
}
