package org.creditmesh.identity.server.oid4vci;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Base64;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.identity.server.security.Roles;
import org.creditmesh.service.clientaddress.ClientAddresses;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.service.ratelimit.RateLimits;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OpenID4VCI 1.0 endpoints: credential offers (bureaus create them; wallets fetch them by reference), and the token,
 * nonce and credential endpoints of the pre-authorized code flow. Thin: the work is in the services.
 */
@Path(Oid4vciSpecs.BASE)
@Tag(name = "OpenID4VCI")
public class Oid4vciResource {

    private static final String JSON = "application/json";
    static final String RATE_LIMIT = "oid4vci";

    @Inject
    OfferService offers;

    @Inject
    NonceService nonces;

    @Inject
    CredentialService credentials;

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/offers")
    @RolesAllowed(Roles.BUREAU)
    @Consumes(JSON)
    @Produces({JSON, "application/problem+json"})
    @Operation(summary = "Create a credential offer (pre-authorized code flow)",
            description = "Body {credential_configuration_id, credentialSubject (claims, no id), validUntil?, "
                    + "tx_code?: {length?, description?}}. Returns the openid-credential-offer:// URI (by reference), "
                    + "its QR code as PNG (base64), and the tx_code to send to the holder out of band.")
    public Response createOffer(byte[] body) {
        OfferService.CreatedOffer offer = offers.create(body, identity.getPrincipal().getName());
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("credential_offer_uri", offer.offerUri());
        out.put("credential_offer_url", offer.offerUrl());
        out.put("credential_configuration_id", offer.configurationId());
        offer.txCode().ifPresent(code -> out.put("tx_code", code));
        out.put("expires_at", offer.expiresAt().toString());
        ObjectNode qr = out.putObject("qr_code");
        qr.put("media_type", "image/png");
        qr.put("data", Base64.getEncoder().encodeToString(QrCodes.png(offer.offerUri())));
        return Response.created(URI.create(offer.offerUrl())).type(JSON).header("Cache-Control", "no-store")
                .entity(Json.write(out)).build();
    }

    @GET
    @Path("/offers/{offerId}")
    @Produces({JSON, "application/problem+json"})
    @Operation(summary = "The Credential Offer object a credential_offer_uri references (section 4.1.3)")
    public Response offer(@PathParam("offerId") String offerId) {
        ObjectNode offer = offers.offer(offerId).orElseThrow(() -> new ProblemException(
                IdentityProblem.CREDENTIAL_OFFER_NOT_FOUND, "no open credential offer at this URI"));
        return Response.ok(Json.write(offer), JSON).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/offers/{offerId}/issuance")
    @RolesAllowed(Roles.BUREAU)
    @Produces({JSON, "application/problem+json"})
    @Operation(summary = "What became of one of the caller's offers: {state, credentialId once issued}",
            description = "The credentialId is what POST /credentials/status takes to revoke or suspend the credential.")
    public Response issuance(@PathParam("offerId") String offerId) {
        OfferService.Issuance issuance = offers.issuance(offerId, identity.getPrincipal().getName())
                .orElseThrow(() -> new ProblemException(IdentityProblem.CREDENTIAL_OFFER_NOT_FOUND,
                        "no credential offer of yours has this id"));
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("state", issuance.state());
        issuance.credentialId().ifPresent(id -> out.put("credentialId", id));
        return Response.ok(Json.write(out), JSON).header("Cache-Control", "no-store").build();
    }

    /**
     * The wallet-facing endpoints are open to anyone: each client address gets its own bucket
     * ({@code creditmesh.rate-limit.oid4vci.*}), checked before any other work; over it is 429 with Retry-After.
     */
    private void limit(HttpServerRequest request) {
        rateLimits.check(RATE_LIMIT, clientAddresses.of(request));
    }

    @POST
    @Path("/token")
    @Consumes("application/x-www-form-urlencoded")
    @Produces(JSON)
    @Operation(summary = "Token endpoint for the pre-authorized code grant (section 6)")
    public Response token(MultivaluedMap<String, String> form, @Context HttpServerRequest request) {
        limit(request);
        OfferService.AccessToken token = offers.token(form);
        return Response.ok(Json.write(token.toJson()), JSON).header("Cache-Control", "no-store")
                .header("Pragma", "no-cache").build();
    }

    @POST
    @Path("/nonce")
    @Produces(JSON)
    @Operation(summary = "Nonce endpoint: a fresh single-use c_nonce (section 7)")
    public Response nonce(@Context HttpServerRequest request) {
        limit(request);
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("c_nonce", nonces.issue());
        return Response.ok(Json.write(out), JSON).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/credential")
    @Consumes(JSON)
    @Produces(JSON)
    @Operation(summary = "Credential endpoint (section 8): Bearer access token, credential_configuration_id, proofs.jwt")
    public Response credential(@HeaderParam("Authorization") String authorization, byte[] body,
                               @Context HttpServerRequest request) {
        limit(request);
        ObjectNode response = credentials.issue(authorization, body);
        return Response.ok(Json.write(response), JSON).header("Cache-Control", "no-store").build();
    }
}
