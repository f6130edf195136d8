package org.creditmesh.core.status;

/** Constants of W3C Bitstring Status List v1.0, in one place. */
public final class StatusSpecs {

    /** Section 2.1: the {@code type} of a {@code credentialStatus} entry. */
    public static final String TYPE_ENTRY = "BitstringStatusListEntry";
    /** Section 2.2: a type of the status list credential. */
    public static final String TYPE_CREDENTIAL = "BitstringStatusListCredential";
    /** Section 2.2: the {@code type} of the status list credential's subject. */
    public static final String TYPE_LIST = "BitstringStatusList";

    public static final String STATUS_PURPOSE = "statusPurpose";
    public static final String STATUS_LIST_INDEX = "statusListIndex";
    public static final String STATUS_LIST_CREDENTIAL = "statusListCredential";
    public static final String STATUS_SIZE = "statusSize";
    public static final String STATUS_MESSAGE = "statusMessage";
    public static final String STATUS_REFERENCE = "statusReference";
    public static final String ENCODED_LIST = "encodedList";
    public static final String TTL = "ttl";

    /** Section 2.1: statusPurpose values with defined meaning. */
    public static final String PURPOSE_REVOCATION = "revocation";
    public static final String PURPOSE_SUSPENSION = "suspension";
    public static final String PURPOSE_REFRESH = "refresh";
    public static final String PURPOSE_MESSAGE = "message";

    /**
     * Section 3.2, Validate Algorithm: {@code minimumNumberOfEntries} is 131,072 (16 KB of bits, section
     * 2.2 and "Group Privacy") unless an ecosystem specification sets another lower bound.
     */
    public static final int MIN_ENTRIES = 131_072;

    /**
     * Upper bound on an uncompressed list accepted from outside. A 131,072-entry list with 8-bit statuses
     * is 128 KiB; 4 MiB leaves room for large lists while stopping a GZIP bomb (a 1 MiB document could
     * otherwise inflate to about a gigabyte).
     */
    public static final int DEFAULT_MAX_UNCOMPRESSED_BYTES = 4 << 20;

    /** Section 3.5: the prefix of the RFC 9457 problem {@code type} URLs for status list errors. */
    public static final String PROBLEM_TYPE_PREFIX = "https://www.w3.org/ns/credentials/status-list#";

    /** Section 2.2 (encodedList): the multibase prefix of base64url without padding. */
    public static final char MULTIBASE_BASE64URL = 'u';

    private StatusSpecs() {
    }
}
