package org.creditmesh.anchor.outbox;

import java.util.regex.Pattern;

/**
 * The caller's opaque reference for a submitted hash (a status list id and version, a model id, a
 * checkpoint number...), so that it can find its own records again. It must not be personal data:
 * the outbox admits 1 to 128 characters of {@code A-Z a-z 0-9 . _ : / -} only (no spaces, no
 * {@code @}), which keeps names and e-mail addresses out; choosing ids that carry no personal data
 * remains the caller's duty.
 *
 * @param value the reference
 */
public record AnchorRef(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

    public AnchorRef {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("an anchor reference is 1-128 characters of A-Z a-z 0-9 . _ : / -");
        }
    }

    /** Validates {@code value}; a typed error instead of an {@link IllegalArgumentException}. */
    public static AnchorRef of(String value) throws OutboxException {
        try {
            return new AnchorRef(value);
        } catch (IllegalArgumentException e) {
            throw new OutboxException(OutboxError.INVALID_SUBMISSION, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
