package org.creditmesh.identity.server.problem;

import org.creditmesh.service.problem.ProblemType;

/** The identity service's own failures; those of HTTP itself are {@link org.creditmesh.service.problem.HttpProblem}. */
public enum IdentityProblem implements ProblemType {
    INVALID_CREDENTIAL("invalid-credential", 422, "The credential cannot be issued as given"),
    UNSUPPORTED_FORMAT("unsupported-format", 422, "The requested securing format is not supported"),
    VERIFICATION_FAILED("verification-failed", 422, "Verification failed"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used with another request"),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", 400, "The Idempotency-Key header is not valid"),
    CREDENTIAL_EXISTS("credential-exists", 409, "A credential with this id was already issued"),
    STATUS_NOT_CHANGEABLE("status-not-changeable", 409, "The credential's status cannot be changed that way"),
    CREDENTIAL_NOT_FOUND("credential-not-found", 404, "No credential with this id was issued here"),
    RETENTION_NOT_ENABLED("retention-not-enabled", 409, "This bureau has not turned retention of claim values on"),
    IDEMPOTENT_RESPONSE_ERASED("idempotent-response-erased", 410,
            "The credential was issued, but its stored response was erased with its subject's data"),
    OID4VP_INVALID_QUERY("oid4vp-invalid-query", 422, "The presentation request's query is not valid"),
    OID4VP_UNSUPPORTED_QUERY("oid4vp-unsupported-query", 422, "The presentation request asks for what this verifier cannot check"),
    OID4VP_REQUEST_NOT_FOUND("oid4vp-request-not-found", 404, "No such presentation request"),
    OID4VP_REQUEST_EXPIRED("oid4vp-request-expired", 410, "The presentation request has expired"),
    OID4VP_UNKNOWN_STATE("oid4vp-unknown-state", 400, "No presentation request has this state"),
    OID4VP_RESPONSE_REPLAYED("oid4vp-response-replayed", 400, "A response to this presentation request was already received"),
    OID4VP_MALFORMED_RESPONSE("oid4vp-malformed-response", 400, "The authorization response is malformed"),
    OID4VP_RESULT_GONE("oid4vp-result-gone", 410, "The presentation result was already retrieved"),
    ISSUER_NOT_ACCREDITED("issuer-not-accredited", 403,
            "The issuer is not accredited for this credential type at the credential's validFrom"),
    INVALID_ACCREDITATION("invalid-accreditation", 422, "The accreditation is not valid as given"),
    ACCREDITATION_NOT_FOUND("accreditation-not-found", 404, "No accreditation matches"),
    ACCREDITATION_STATE_CONFLICT("accreditation-state-conflict", 409, "The accreditation cannot change to that state"),
    ISSUER_NOT_FOUND("issuer-not-found", 404, "This service has no issuer of that name"),
    KEY_ROTATION_UNSUPPORTED("key-rotation-unsupported", 409, "This issuer's key cannot be rotated"),
    UNKNOWN_CREDENTIAL_CONFIGURATION("oid4vci-unknown-credential-configuration", 422,
            "No such OpenID4VCI credential configuration"),
    CREDENTIAL_OFFER_NOT_FOUND("oid4vci-credential-offer-not-found", 404,
            "No such credential offer, or it was redeemed or has expired"),
    NOT_CREDENTIAL_OWNER("not-credential-owner", 403, "Only the bureau that issued a credential may change its status"),
    ORGANISATION_NOT_FOUND("organisation-not-found", 404, "No organisation with this client id"),
    ORGANISATION_EXISTS("organisation-exists", 409, "An organisation with this client id exists"),
    INVALID_ORGANISATION("invalid-organisation", 400, "The organisation cannot be registered as given"),
    ANCHORING_OFF("anchoring-off", 404, "This service does not anchor what it publishes"),
    ANCHOR_NOT_FOUND("anchor-not-found", 404, "No document with this hash was submitted for anchoring here");

    private final String code;
    private final int status;
    private final String title;

    IdentityProblem(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
