package org.creditmesh.identity.server.oid4vp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.wallet.Oid4vpSpecs;
import org.creditmesh.identity.server.security.Roles;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.service.problem.HttpProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenID for Verifiable Presentations 1.0 for lenders: create a request, the wallet fetches the signed request
 * object by reference and answers with {@code direct_post}, the lender retrieves the verified result once.
 * Thin: the work is in {@link PresentationRequests}.
 */
@Path("/oid4vp")
@Tag(name = "OpenID4VP")
public class Oid4vpResource {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String CREATE_EXAMPLE = """
            {"credentials": [{"id": "kyc", "type": "KycCredential", "claims": ["identityVerified", "ageOver18"]}]}""";

    @Inject
    PresentationRequests requests;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/requests")
    @RolesAllowed(Roles.LENDER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "Create a presentation request",
            description = "Body {credentials: [{id?, type | vct, claims: [dot paths or claims path pointers]}], redirect_uri?} "
                    + "or {dcql_query, redirect_uri?}. 201 with the authorization request (openid4vp://?client_id&request_uri) "
                    + "for the wallet, and the request id to retrieve the result with.")
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), example = CREATE_EXAMPLE)) byte[] body) {
        ObjectNode request = JsonBodies.object(body);
        PresentationRequests.Created created = requests.create(identity.getPrincipal().getName(), request);
        return Response.created(URI.create("/oid4vp/requests/" + created.id() + "/result"))
                .type(MediaType.APPLICATION_JSON).entity(Json.write(created.toJson())).build();
    }

    @GET
    @Path("/request-objects/{ref}")
    @PermitAll
    @Produces({Oid4vpSpecs.MEDIA_TYPE_REQUEST_OBJECT, "application/problem+json"})
    @Operation(summary = "The signed request object (request_uri)",
            description = "RFC 9101 section 5.2: application/oauth-authz-req+jwt, served while the request is pending and unexpired.")
    public Response requestObject(@PathParam("ref") String ref) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(requests.requestObject(ref), Oid4vpSpecs.MEDIA_TYPE_REQUEST_OBJECT).cacheControl(noStore).build();
    }

    @POST
    @Path("/response")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "The wallet's direct_post response (response_uri)",
            description = "OpenID4VP 1.0 section 8.2: application/x-www-form-urlencoded vp_token (JSON object keyed by credential "
                    + "query id) and state, or error and state. 200 {} (with redirect_uri when the lender gave one) once accepted.")
    public Response respond(@HeaderParam("Content-Type") String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw Oid4vpProblems.withOAuthError(HttpProblem.UNSUPPORTED_MEDIA_TYPE,
                    "send the response as " + FORM + " (OpenID4VP 1.0 section 8.2)", "invalid_request");
        }
        PresentationRequests.Accepted accepted = requests.respond(form(body));
        ObjectNode out = Json.mapper().createObjectNode();
        accepted.redirectUri().ifPresent(r -> out.put(Oid4vpSpecs.REDIRECT_URI, r));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Json.write(out), MediaType.APPLICATION_JSON).cacheControl(noStore).build();
    }

    @GET
    @Path("/requests/{id}/result")
    @RolesAllowed(Roles.LENDER)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "The result of a presentation request, once",
            description = "200 with every check and the requested claims, then deleted (410 afterwards); 202 while the wallet has not answered.")
    public Response result(@PathParam("id") String id) {
        return switch (requests.result(identity.getPrincipal().getName(), id)) {
            case PresentationRequests.Retrieved.Pending p -> {
                ObjectNode out = Json.mapper().createObjectNode();
                out.put("id", p.id());
                out.put("status", "pending");
                out.put("expires_at", p.expiresAt().toString());
                yield Response.accepted(Json.write(out)).type(MediaType.APPLICATION_JSON).build();
            }
            case PresentationRequests.Retrieved.Done d -> {
                CacheControl noStore = new CacheControl();
                noStore.setNoStore(true);
                yield Response.ok(d.body(), MediaType.APPLICATION_JSON).cacheControl(noStore).build();
            }
        };
    }

    @GET
    @Path("/jwks")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The request-object signing key as a JWK Set",
            description = "The same key the client_id's did:jwk carries.")
    public Response jwks() {
        return Response.ok(Json.write(requests.jwks()), MediaType.APPLICATION_JSON).build();
    }

    /**
     * Parses an {@code application/x-www-form-urlencoded} body by hand: JAX-RS form parameters would need
     * {@code @Consumes} of the form type, whose refusal of other types answers with the JSON endpoints' wording.
     * A parameter given twice is refused (RFC 6749 section 3.1).
     */
    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new HashMap<>();
        String text = new String(body, StandardCharsets.US_ASCII);
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Oid4vpProblems.withOAuthError(org.creditmesh.identity.server.problem.IdentityProblem.OID4VP_MALFORMED_RESPONSE,
                        "the form body is not valid percent-encoding", "invalid_request");
            }
            if (out.putIfAbsent(name, value) != null) {
                throw Oid4vpProblems.withOAuthError(org.creditmesh.identity.server.problem.IdentityProblem.OID4VP_MALFORMED_RESPONSE,
                        "parameter " + name + " appears more than once", "invalid_request");
            }
        }
        return out;
    }
}
