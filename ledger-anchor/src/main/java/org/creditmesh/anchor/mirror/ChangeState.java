package org.creditmesh.anchor.mirror;

import java.util.Locale;

/** How far a queued registry change has come. */
public enum ChangeState {
    /** Queued; not yet proposed (or approved) by this admin on chain. */
    PENDING,
    /** Proposed, or approved, by this admin; waiting for the other admins' approvals. */
    PROPOSED,
    /** The registry ran it. */
    EXECUTED,
    /** The registry refused it for good (its error code says why). */
    FAILED;

    /** The lower-case name used in APIs. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
