package org.creditmesh.core.status.token;

import java.util.Set;

/**
 * Constants of the IETF Token Status List, draft-ietf-oauth-status-list-20, in one place. Section numbers
 * below are those of that draft.
 */
public final class TokenStatusSpecs {

    /** Section 5.1: the JWT {@code typ} header of a Status List Token. */
    public static final String TYP = "statuslist+jwt";
    /** Section 8.1: the media type a Status List Token in JWT format is requested and served as. */
    public static final String MEDIA_TYPE = "application/" + TYP;

    /** Section 6.2: the claim of a Referenced Token that holds the status mechanisms. */
    public static final String STATUS = "status";
    /** Section 6.2: the member of {@code status} that names a Status List Token. */
    public static final String STATUS_LIST = "status_list";
    /** Section 6.2: the index of the Referenced Token in the list. */
    public static final String IDX = "idx";
    /** Section 6.2: the URI of the Status List Token. */
    public static final String URI = "uri";

    /** Section 4.2: members of the JSON Status List. */
    public static final String BITS = "bits";
    public static final String LST = "lst";
    public static final String AGGREGATION_URI = "aggregation_uri";

    /** Section 5.1: claims of the Status List Token ({@code status_list} is {@link #STATUS_LIST}). */
    public static final String SUB = "sub";
    public static final String IAT = "iat";
    public static final String EXP = "exp";
    public static final String NBF = "nbf";
    public static final String TTL = "ttl";
    public static final String ISS = "iss";

    public static final String HEADER_ALG = "alg";
    public static final String HEADER_TYP = "typ";
    public static final String HEADER_KID = "kid";
    public static final String HEADER_CRIT = "crit";

    /** Section 4.1 step 1: the allowed numbers of bits per Referenced Token. */
    public static final Set<Integer> ALLOWED_BITS = Set.of(1, 2, 4, 8);

    /** Section 7.1: Status Type values. */
    public static final int VALID = 0x00;
    public static final int INVALID = 0x01;
    public static final int SUSPENDED = 0x02;
    /** Section 7.1: 0x03 and 0x0C to 0x0F are permanently reserved as application specific. */
    public static final int APPLICATION_SPECIFIC = 0x03;

    /**
     * Upper bound on a decompressed list accepted from outside (the draft sets none; section 11.1 asks for
     * careful decoding). The draft's largest test vector, 2^20 entries of 8 bits, is 1 MiB; 4 MiB leaves room
     * while stopping a ZLIB bomb, the same bound as the Bitstring Status List reader.
     */
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 4 << 20;

    /**
     * Upper bound on a Status List Token's compact text. The strict JSON parser stops a payload at 1 MiB, whose
     * base64url form is about 1.4 MiB; anything longer cannot be a token we would accept.
     */
    public static final int MAX_TOKEN_LENGTH = 3 << 19;

    private TokenStatusSpecs() {
    }
}
