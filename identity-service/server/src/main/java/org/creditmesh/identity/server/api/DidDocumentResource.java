package org.creditmesh.identity.server.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.service.problem.HttpProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The issuer's did:web document (did:web method specification section 3.2), when the issuer is a did:web. */
@Path("/.well-known/did.json")
@PermitAll
public class DidDocumentResource {

    @Inject
    IssuerKeys keys;

    @GET
    @Produces({MediaTypes.JSON, "application/did+json"})
    @Tag(name = "DIDs")
    @Operation(summary = "The issuer's DID document", description = "Served when creditmesh.issuer.did is a did:web; 404 for did:key issuers.")
    public Response document() {
        return keys.didWebDocument()
                .map(d -> Response.ok(d.serialize(), MediaTypes.JSON).build())
                .orElseThrow(() -> new ProblemException(HttpProblem.NOT_FOUND, "the issuer is a did:key; it has no did:web document"));
    }
}
