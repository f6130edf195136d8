package org.creditmesh.core.status.token;

/** The meaning of a status value (draft-ietf-oauth-status-list-20 section 7.1). */
public enum TokenStatusType {
    /** 0x00: valid, correct or legal. */
    VALID,
    /** 0x01: revoked, annulled, taken back, recalled or cancelled. */
    INVALID,
    /** 0x02: temporarily invalid. */
    SUSPENDED,
    /** 0x03 and 0x0C to 0x0F: reserved as application specific. */
    APPLICATION_SPECIFIC,
    /** Any other value: reserved for future registration; its meaning is unknown to this implementation. */
    UNREGISTERED;

    /** The type of a status value. */
    public static TokenStatusType of(int value) {
        return switch (value) {
            case TokenStatusSpecs.VALID -> VALID;
            case TokenStatusSpecs.INVALID -> INVALID;
            case TokenStatusSpecs.SUSPENDED -> SUSPENDED;
            case TokenStatusSpecs.APPLICATION_SPECIFIC, 0x0C, 0x0D, 0x0E, 0x0F -> APPLICATION_SPECIFIC;
            default -> UNREGISTERED;
        };
    }
}
