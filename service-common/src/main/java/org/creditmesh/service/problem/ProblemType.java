package org.creditmesh.service.problem;

/**
 * A way a request can fail, with a stable RFC 9457 {@code type} URI ({@value #BASE}{@code <code>}), its HTTP status
 * and a title that does not vary between occurrences. {@link HttpProblem} holds the failures every service shares;
 * each service adds its own as an enum implementing this interface. Codes are unique across the project, so a client
 * can dispatch on the URI alone.
 */
public interface ProblemType {

    String BASE = "https://creditmesh.org/problems/";
    String MEDIA_TYPE = "application/problem+json";

    String code();

    int status();

    String title();

    default String uri() {
        return BASE + code();
    }
}
