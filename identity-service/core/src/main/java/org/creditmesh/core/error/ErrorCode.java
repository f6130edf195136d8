package org.creditmesh.core.error;

/**
 * A stable, machine-readable failure code. Each package declares its own closed set as an enum that
 * implements this; {@link #code()} is part of the public contract (CLI JSON output, problem+json
 * {@code type} URIs) and never changes once released.
 */
public interface ErrorCode {

    /** Lower snake_case, e.g. {@code malformed_json}. */
    String code();
}
