package org.creditmesh.core.did;

import java.util.Objects;

/**
 * An entry of a verification relationship (DID Core 1.0 section 5.3): either a reference to a method
 * by its DID URL, or a method embedded in the relationship.
 */
public sealed interface MethodReference {

    /** The DID URL of the method this entry stands for. */
    String id();

    /** A reference by DID URL (kept absolute: relative {@code #fragment} references are resolved on parse). */
    record Reference(String id) implements MethodReference {
        public Reference {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A verification method embedded in the relationship, usable only for that relationship. */
    record Embedded(VerificationMethod method) implements MethodReference {
        public Embedded {
            Objects.requireNonNull(method, "method");
        }

        @Override
        public String id() {
            return method.id();
        }
    }
}
