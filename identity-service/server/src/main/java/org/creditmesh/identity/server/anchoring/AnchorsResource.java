package org.creditmesh.identity.server.anchoring;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleException;
import org.creditmesh.anchor.outbox.AnchorStatus;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Anchor proofs of what this service published (status lists, accreditations, audit checkpoints, credentials when
 * their anchoring is on), by SHA-256: public, because anyone who holds the published document should be able to
 * check, without trusting this service, that it existed unchanged at the anchoring block's time.
 */
@Path("/anchors")
@Tag(name = "Anchoring")
public class AnchorsResource {

    private static final String JSON = "application/json";

    @Inject
    Anchoring anchoring;

    @GET
    @Path("/{sha256}")
    @Produces(JSON)
    @Operation(summary = "The anchor proof of a published document's SHA-256 (ledger-anchor/PROOF-FORMAT.md)",
            description = "200 with the proof once its batch is confirmed; 202 with the state while it is on its way; 404 when"
                    + " the hash was never submitted here or anchoring is off.")
    public Response proof(@PathParam("sha256") String hex) {
        if (!anchoring.enabled()) {
            throw new ProblemException(IdentityProblem.ANCHORING_OFF, "this service does not anchor (creditmesh.anchor.rpc-url is not set)");
        }
        Hash32 hash;
        try {
            hash = Hash32.parse(hex.toLowerCase(Locale.ROOT).startsWith("0x") ? hex : "0x" + hex);
        } catch (MerkleException e) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "not a SHA-256 in hex (64 hexadecimal digits)");
        }
        try {
            Optional<AnchorProof> proof = anchoring.proof(hash);
            if (proof.isPresent()) {
                return Response.ok(proof.get().toJson(), JSON).build();
            }
            Optional<AnchorStatus> status = anchoring.status(hash);
            if (status.isEmpty()) {
                throw new ProblemException(IdentityProblem.ANCHOR_NOT_FOUND, "no document with this SHA-256 was submitted for anchoring here");
            }
            var body = Json.mapper().createObjectNode().put("hash", hash.toHex())
                    .put("state", status.get().state().name().toLowerCase(Locale.ROOT));
            return Response.accepted(Json.write(body)).type(JSON).build();
        } catch (OutboxException e) {
            throw new ProblemException(HttpProblem.UNAVAILABLE, "the anchoring outbox is unavailable");
        }
    }
}
