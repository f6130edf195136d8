package org.creditmesh.identity.server.problem;

/**
 * Every way a request can fail, each with a stable RFC 9457 {@code type} URI
 * ({@value #BASE}{@code <code>}), its HTTP status and a title that does not vary between occurrences.
 */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", 400, "The request body is not well-formed JSON"),
    INVALID_REQUEST("invalid-request", 400, "The request does not have the required shape"),
    INVALID_CREDENTIAL("invalid-credential", 422, "The credential cannot be issued as given"),
    UNSUPPORTED_FORMAT("unsupported-format", 422, "The requested securing format is not supported"),
    VERIFICATION_FAILED("verification-failed", 422, "Verification failed"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was used with another request"),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", 400, "The Idempotency-Key header is not valid"),
    CREDENTIAL_EXISTS("credential-exists", 409, "A credential with this id was already issued"),
    STATUS_NOT_CHANGEABLE("status-not-changeable", 409, "The credential's status cannot be changed that way"),
    NOT_FOUND("not-found", 404, "Not found"),
    CREDENTIAL_NOT_FOUND("credential-not-found", 404, "No credential with this id was issued here"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "None of the accepted media types can be produced"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request content type is not supported"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    HTTP_ERROR("http-error", 400, "The request could not be processed"),
    INTERNAL("internal-error", 500, "Internal error");

    public static final String BASE = "https://creditmesh.org/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private final String code;
    private final int status;
    private final String title;

    ProblemType(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String uri() {
        return BASE + code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
