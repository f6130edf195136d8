package org.creditmesh.identity.server.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.identity.server.organisation.Organisations;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The DID documents of bureaus that issue as their own did:web under this service's host (did:web method
 * specification section 3.2: {@code did:web:<host>:a:b} is at {@code https://<host>/a/b/did.json}).
 */
@Path("/{path: .+}/did.json")
@PermitAll
public class BureauDidDocumentResource {

    @Inject
    IssuerKeys keys;

    @Inject
    Organisations organisations;

    @ConfigProperty(name = "creditmesh.public-url")
    String publicUrl;

    @GET
    @Produces({MediaTypes.JSON, "application/did+json"})
    @Tag(name = "DIDs")
    @Operation(summary = "A bureau's DID document", description = "For bureaus registered with a did:web under this service's host.")
    public Response document(@PathParam("path") String path) {
        URI base = URI.create(publicUrl);
        String host = base.getPort() < 0 ? base.getHost() : base.getHost() + "%3A" + base.getPort();
        String did = "did:web:" + host + ":" + path.replace('/', ':');
        if (!path.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || !organisations.isBureauDid(did)) {
            throw new ProblemException(HttpProblem.NOT_FOUND, "no bureau issues as a DID at this path");
        }
        return Response.ok(keys.didWebDocumentFor(did).serialize(), MediaTypes.JSON).build();
    }
}
