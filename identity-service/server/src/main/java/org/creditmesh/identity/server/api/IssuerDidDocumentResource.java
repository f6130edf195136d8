package org.creditmesh.identity.server.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.creditmesh.core.did.Did;
import org.creditmesh.core.did.DidException;
import org.creditmesh.core.did.DidWeb;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The did:web documents of this service's issuers whose DIDs have a path, e.g. the governance issuer
 * {@code did:web:<host>:issuers:governance} at {@code /issuers/governance/did.json} (did:web method specification
 * section 3.2). The issuer without a path is at {@code /.well-known/did.json} ({@link DidDocumentResource}).
 */
@Path("/issuers/{name}/did.json")
public class IssuerDidDocumentResource {

    @Inject
    IssuerKeys keys;

    @GET
    @Produces({MediaTypes.JSON, "application/did+json"})
    @Tag(name = "DIDs")
    @Operation(summary = "An issuer's DID document, by its did:web path")
    public Response document(@PathParam("name") String name) {
        for (var issuer : keys.issuers().values()) {
            try {
                Did did = Did.parse(issuer.issuer());
                if (did.method().equals("web") && DidWeb.toUrl(did).getPath().equals("/issuers/" + name + "/did.json")) {
                    return keys.ownDocument(issuer.issuer()).map(d -> Response.ok(d.serialize(), MediaTypes.JSON).build())
                            .orElseThrow();
                }
            } catch (DidException e) {
                throw new IllegalStateException("an issuer DID of this service does not parse", e);
            }
        }
        throw new ProblemException(HttpProblem.NOT_FOUND, "no did:web issuer of this service lives at this path");
    }
}
