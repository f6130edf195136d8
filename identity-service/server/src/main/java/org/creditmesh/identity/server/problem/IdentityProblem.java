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
    NOT_CREDENTIAL_OWNER("not-credential-owner", 403, "Only the bureau that issued a credential may change its status"),
    ORGANISATION_NOT_FOUND("organisation-not-found", 404, "No organisation with this client id"),
    ORGANISATION_EXISTS("organisation-exists", 409, "An organisation with this client id exists"),
    INVALID_ORGANISATION("invalid-organisation", 400, "The organisation cannot be registered as given");

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
