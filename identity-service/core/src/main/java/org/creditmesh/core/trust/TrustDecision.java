package org.creditmesh.core.trust;

import java.util.Objects;

/** A trust policy's answer: trusted, not trusted (with why), or not evaluated. */
public sealed interface TrustDecision {

    String detail();

    /** The issuer is accredited for these types at that time. */
    record Trusted(String detail) implements TrustDecision {
        public Trusted {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The issuer is unknown, suspended, outside its accreditation's dates, or not accredited for a type. */
    record Untrusted(String detail) implements TrustDecision {
        public Untrusted {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The policy does not apply (none configured). */
    record NotEvaluated(String detail) implements TrustDecision {
        public NotEvaluated {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
