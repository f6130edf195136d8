package org.creditmesh.service.problem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serial;
import java.util.Objects;
import java.util.Optional;

/**
 * A request failed in a way the client should be told about; rendered as RFC 9457 problem details by
 * {@link ProblemMappers}. The detail is shown to the client, so it never contains claim values or secrets.
 */
public final class ProblemException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ProblemType type;
    private final transient ObjectNode extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    public ProblemException(ProblemType type, String detail, Throwable cause) {
        this(type, detail, null, cause);
    }

    /** With extension members (RFC 9457 section 3.2), e.g. a verification report. */
    public ProblemException(ProblemType type, String detail, ObjectNode extensions, Throwable cause) {
        super(detail, cause, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.extensions = extensions == null ? null : extensions.deepCopy();
    }

    public ProblemType type() {
        return type;
    }

    public Optional<ObjectNode> extensions() {
        return Optional.ofNullable(extensions).map(ObjectNode::deepCopy);
    }
}
