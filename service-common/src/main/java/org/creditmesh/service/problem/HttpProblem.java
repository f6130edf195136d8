package org.creditmesh.service.problem;

/** The failures of HTTP itself, shared by every CreditMesh service. */
public enum HttpProblem implements ProblemType {
    MALFORMED_JSON("malformed-json", 400, "The request body is not well-formed JSON"),
    INVALID_REQUEST("invalid-request", 400, "The request does not have the required shape"),
    UNAUTHORIZED("unauthorized", 401, "Authentication is required"),
    FORBIDDEN("forbidden", 403, "The caller may not do this"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "None of the accepted media types can be produced"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request content type is not supported"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    HTTP_ERROR("http-error", 400, "The request could not be processed"),
    INTERNAL("internal-error", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "The service is temporarily unavailable");

    private final String code;
    private final int status;
    private final String title;

    HttpProblem(String code, int status, String title) {
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
