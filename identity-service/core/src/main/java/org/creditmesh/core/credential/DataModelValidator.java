package org.creditmesh.core.credential;

import static org.creditmesh.core.credential.CredentialSpecs.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Enforces the normative rules of the W3C Verifiable Credentials Data Model v2.0 (section 4) on
 * credentials and presentations, and the corresponding rules of VCDM 1.1 for documents whose first
 * context is the 1.1 base context (most deployed credentials are 1.1; they are accepted for
 * verification). Each broken rule is a {@link DataModelException} with a stable {@link DataModelError}.
 *
 * <p>Context URLs beyond the base context must be known to the allow-list given at construction: a
 * verifier that processes a context it has not vetted lets the issuer redefine terms under it.
 */
public final class DataModelValidator {

    private static final int URL_CACHE_SIZE = 1024;
    private static final int URL_CACHE_MAX_LENGTH = 512;
    private static final ConcurrentHashMap<String, Boolean> URL_CACHE = new ConcurrentHashMap<>();

    private final Predicate<String> knownContexts;

    /** A validator that knows {@link CredentialSpecs#DEFAULT_KNOWN_CONTEXTS}. */
    public DataModelValidator() {
        this(CredentialSpecs.DEFAULT_KNOWN_CONTEXTS::contains);
    }

    /** A validator that accepts a non-base context URL only if {@code knownContexts} accepts it. */
    public DataModelValidator(Predicate<String> knownContexts) {
        this.knownContexts = Objects.requireNonNull(knownContexts, "knownContexts");
    }

    /** Checks a credential (VCDM 2.0 sections 4.3 to 4.11, or VCDM 1.1 section 4) and returns its version. */
    public VcdmVersion validateCredential(JsonNode document) throws DataModelException {
        return validate(document).version();
    }

    /** A valid credential's version and its validity period as parsed during validation. */
    record Validated(VcdmVersion version, Instant validFrom, Instant validUntil) {
    }

    /** {@link #validateCredential}, keeping the parsed dates so that {@link Credential} need not parse them again. */
    Validated validate(JsonNode document) throws DataModelException {
        ObjectNode doc = requireObject(document, "credential");
        VcdmVersion version = checkContexts(doc);
        checkOptionalUrl(doc, ID, "credential id");
        checkTypes(doc, TYPE_VERIFIABLE_CREDENTIAL);
        checkIssuer(doc);
        checkSubjects(doc);
        Instant[] period = checkDates(doc, version);
        checkStatus(doc, version);
        checkTypedEntries(doc, CREDENTIAL_SCHEMA, true, DataModelError.INVALID_CREDENTIAL_SCHEMA);
        for (String member : List.of(EVIDENCE, TERMS_OF_USE, REFRESH_SERVICE)) {
            checkTypedEntries(doc, member, false, DataModelError.INVALID_EXTENSION);
        }
        checkRelatedResources(doc);
        return new Validated(version, period[0], period[1]);
    }

    private static final java.util.regex.Pattern SRI = java.util.regex.Pattern.compile("(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})");

    /**
     * VCDM 2.0 section 5.3: each {@code relatedResource} is an object with an {@code id} URL unique among them and
     * at least one of {@code digestSRI} (an SRI hash: sha256/384/512 and standard base64 of that many bytes) or
     * {@code digestMultibase} (a multibase string). A digest is only compared with the resource by whoever
     * retrieves it; its form is checked here so that a malformed one is never signed or accepted.
     */
    private static void checkRelatedResources(ObjectNode doc) throws DataModelException {
        if (!doc.has(RELATED_RESOURCE)) {
            return;
        }
        List<JsonNode> entries = asList(doc.get(RELATED_RESOURCE));
        if (entries.isEmpty()) {
            throw new DataModelException(DataModelError.INVALID_RELATED_RESOURCE, "relatedResource, when present, holds one or more objects");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode entry : entries) {
            if (!entry.isObject()) {
                throw new DataModelException(DataModelError.INVALID_RELATED_RESOURCE, "each relatedResource is an object, not a string");
            }
            JsonNode id = entry.get(ID);
            if (id == null || !id.isTextual() || !isUrl(id.textValue())) {
                throw new DataModelException(DataModelError.INVALID_RELATED_RESOURCE, "each relatedResource has an id that is a URL");
            }
            if (!ids.add(id.textValue())) {
                throw new DataModelException(DataModelError.INVALID_RELATED_RESOURCE, "relatedResource ids are unique: " + id.textValue());
            }
            JsonNode sri = entry.get("digestSRI");
            JsonNode multibase = entry.get("digestMultibase");
            if (sri == null && multibase == null) {
                throw new DataModelException(DataModelError.INVALID_RELATED_RESOURCE, "each relatedResource has a digestSRI or a digestMultibase");
            }
            if (sri != null && !isSriDigest(sri)) {
                throw new DataModelException(DataModelError.INVALID_RELATED_RESOURCE,
                        "digestSRI is an SRI hash: sha256, sha384 or sha512, '-', the digest in base64");
            }
            if (multibase != null && !isMultibase(multibase)) {
                throw new DataModelException(DataModelError.INVALID_RELATED_RESOURCE,
                        "digestMultibase is a multibase-encoded digest (base64url 'u' or base58btc 'z')");
            }
            JsonNode mediaType = entry.get("mediaType");
            if (mediaType != null && (!mediaType.isTextual() || !mediaType.textValue().contains("/"))) {
                throw new DataModelException(DataModelError.INVALID_RELATED_RESOURCE, "mediaType is a media type string");
            }
        }
    }

    private static boolean isSriDigest(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        java.util.regex.Matcher m = SRI.matcher(value.textValue());
        if (!m.matches()) {
            return false;
        }
        int expected = switch (m.group(1)) {
            case "sha256" -> 32;
            case "sha384" -> 48;
            default -> 64;
        };
        try {
            return java.util.Base64.getDecoder().decode(m.group(2)).length == expected;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isMultibase(JsonNode value) {
        if (!value.isTextual() || value.textValue().length() < 2) {
            return false;
        }
        String text = value.textValue();
        try {
            byte[] decoded = switch (text.charAt(0)) {
                case 'u' -> java.util.Base64.getUrlDecoder().decode(text.substring(1));
                case 'z' -> com.apicatalog.multibase.Multibase.BASE_58_BTC.decode(text);
                default -> null;
            };
            return decoded != null && decoded.length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks a presentation (VCDM 2.0 section 4.13): base context, {@code VerifiablePresentation} type,
     * holder, and each {@code verifiableCredential} entry, which is either an enveloped credential
     * (section 4.13.1) or an embedded credential that is valid and carries a {@code proof}.
     */
    public VcdmVersion validatePresentation(JsonNode document) throws DataModelException {
        ObjectNode doc = requireObject(document, "presentation");
        VcdmVersion version = checkContexts(doc);
        checkOptionalUrl(doc, ID, "presentation id");
        checkTypes(doc, TYPE_VERIFIABLE_PRESENTATION);
        if (doc.has(HOLDER)) {
            holderId(doc.get(HOLDER));
        }
        if (doc.has(VERIFIABLE_CREDENTIAL)) {
            List<JsonNode> entries = asList(doc.get(VERIFIABLE_CREDENTIAL));
            if (entries.isEmpty()) {
                throw new DataModelException(DataModelError.INVALID_VERIFIABLE_CREDENTIAL,
                        "verifiableCredential, when present, holds one or more credentials");
            }
            for (JsonNode entry : entries) {
                if (!(entry instanceof ObjectNode object)) {
                    throw new DataModelException(DataModelError.INVALID_VERIFIABLE_CREDENTIAL,
                            "verifiableCredential entries are objects, never strings or numbers");
                }
                if (types(object).contains(TYPE_ENVELOPED_CREDENTIAL)) {
                    checkEnvelopedCredential(object);
                } else {
                    validateCredential(object);
                    if (!object.has(PROOF)) {
                        throw new DataModelException(DataModelError.INVALID_VERIFIABLE_CREDENTIAL,
                                "an embedded credential in a presentation must be secured (no proof)");
                    }
                }
            }
        }
        return version;
    }

    /**
     * Checks the validity period of a credential against {@code now}: {@code validFrom}/{@code validUntil}
     * (VCDM 2.0 section 4.9) or {@code issuanceDate}/{@code expirationDate} (VCDM 1.1 sections 4.6, 4.7).
     * Both bounds are inclusive.
     */
    public static void checkValidityPeriod(Credential credential, Instant now) throws DataModelException {
        Optional<Instant> until = credential.validUntil();
        if (until.isPresent() && now.isAfter(until.get())) {
            throw new DataModelException(DataModelError.EXPIRED, "the credential's validity period has ended");
        }
        Optional<Instant> from = credential.validFrom();
        if (from.isPresent() && now.isBefore(from.get())) {
            throw new DataModelException(DataModelError.NOT_YET_VALID, "the credential's validity period has not started");
        }
    }

    /** Checks an {@code EnvelopedVerifiableCredential} object (VCDM 2.0 section 4.13.1). */
    public void checkEnvelopedCredential(ObjectNode object) throws DataModelException {
        JsonNode context = object.get(CONTEXT);
        boolean hasBase = context != null
                && asList(context).stream().anyMatch(c -> CONTEXT_V2.equals(c.textValue()));
        if (!hasBase) {
            throw new DataModelException(DataModelError.INVALID_ENVELOPED_CREDENTIAL,
                    "an EnvelopedVerifiableCredential has an @context that includes " + CONTEXT_V2);
        }
        JsonNode id = object.get(ID);
        if (id == null || !id.isTextual() || !id.textValue().startsWith("data:") || !isUrl(id.textValue())) {
            throw new DataModelException(DataModelError.INVALID_ENVELOPED_CREDENTIAL,
                    "the id of an EnvelopedVerifiableCredential is a data: URL (RFC 2397)");
        }
    }

    /** The URL of a {@code holder} value: a URL, or an object whose {@code id} is a URL. */
    static String holderId(JsonNode holder) throws DataModelException {
        String id = holder.isTextual() ? holder.textValue() : holder.path(ID).textValue();
        if (id == null || !isRecurringUrl(id)) {
            throw new DataModelException(DataModelError.INVALID_HOLDER,
                    "holder is a URL or an object with an id that is a URL");
        }
        return id;
    }

    /** The URL of an {@code issuer} value: a URL, or an object whose {@code id} is a URL. */
    static String issuerId(JsonNode issuer) throws DataModelException {
        String id = issuer.isTextual() ? issuer.textValue() : issuer.path(ID).textValue();
        if (id == null || !isRecurringUrl(id)) {
            throw new DataModelException(DataModelError.INVALID_ISSUER,
                    "issuer is a URL or an object with an id that is a URL");
        }
        return id;
    }

    /**
     * Whether a string is an absolute URL (or URN, or DID) in the sense the data model uses: a scheme, a
     * non-empty rest, no spaces.
     */
    public static boolean isUrl(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        // A plain loop: the IntStream it replaced was a visible share of verifying a credential.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return false;
            }
        }
        if (isPlainOpaqueUri(value)) {
            return true;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getRawSchemeSpecificPart() != null && !uri.getRawSchemeSpecificPart().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether the value is {@code scheme ":" rest} with an RFC 3986 scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" /
     * "." )}) and a non-empty rest that does not start with {@code /} and holds only letters, digits and
     * {@code -._~:@!$&'()*+,;=}: an opaque URI such as {@code urn:uuid:...} or {@code did:key:...}. {@link URI} (RFC
     * 2396: {@code opaque_part = uric_no_slash *uric}, every one of these characters a {@code uric}) parses each such
     * value as absolute with that rest as its scheme-specific part, so {@link #isUrl} is true for it without running
     * the parser (which was about 1 % of verifying a vc+jwt, for the credential and subject ids). Every other value
     * (hierarchical URLs, {@code %}, {@code ?}, {@code #}, non-ASCII, ...) still goes to {@link URI}.
     */
    static boolean isPlainOpaqueUri(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1 || value.charAt(colon + 1) == '/' || !isAsciiLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = value.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        for (int i = colon + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || OPAQUE_MARKS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static final String OPAQUE_MARKS = "-._~:@!$&'()*+,;=";

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * {@link #isUrl} for values that recur across credentials and within one verification: {@code @context}
     * entries, issuer and holder ids, {@code credentialSchema} ids. {@code isUrl} runs {@link URI}'s parser,
     * and a vc+jwt verification asked it eight times (the issuer alone three times: the JWT verifier, the
     * validator and {@link Credential}), about 4 % of the verification. The answer is a pure function of
     * the string, so it is remembered: at most {@value #URL_CACHE_SIZE} strings of at most
     * {@value #URL_CACHE_MAX_LENGTH} characters, the table emptied when full so that a stream of one-off
     * values cannot pin it. Values unique to one credential (its id, subject ids) go to {@link #isUrl}.
     */
    public static boolean isRecurringUrl(String value) {
        if (value == null || value.length() > URL_CACHE_MAX_LENGTH) {
            return isUrl(value);
        }
        Boolean known = URL_CACHE.get(value);
        if (known != null) {
            return known;
        }
        boolean url = isUrl(value);
        if (URL_CACHE.size() >= URL_CACHE_SIZE) {
            URL_CACHE.clear();
        }
        URL_CACHE.put(value, url);
        return url;
    }

    /** The values of a member that may be one value or an array of values. */
    public static List<JsonNode> asList(JsonNode value) {
        List<JsonNode> list = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return list;
        }
        if (value.isArray()) {
            value.forEach(list::add);
        } else {
            list.add(value);
        }
        return list;
    }

    /** The {@code type} strings of an object (empty if absent or malformed). */
    public static List<String> types(JsonNode object) {
        List<String> types = new ArrayList<>();
        for (JsonNode t : asList(object.get(TYPE))) {
            if (t.isTextual()) {
                types.add(t.textValue());
            }
        }
        return types;
    }

    private static ObjectNode requireObject(JsonNode document, String what) throws DataModelException {
        if (document instanceof ObjectNode object) {
            return object;
        }
        throw new DataModelException(DataModelError.MALFORMED_JSON, "a " + what + " is a JSON object");
    }

    private VcdmVersion checkContexts(ObjectNode doc) throws DataModelException {
        JsonNode context = doc.get(CONTEXT);
        if (context == null || context.isNull()) {
            throw new DataModelException(DataModelError.MISSING_CONTEXT, "@context is required (VCDM 2.0 section 4.3)");
        }
        List<JsonNode> entries = asList(context);
        if (entries.isEmpty() || !entries.get(0).isTextual()) {
            throw new DataModelException(DataModelError.INVALID_BASE_CONTEXT,
                    "the first @context entry must be " + CONTEXT_V2 + " (VCDM 2.0 section 4.3)");
        }
        String first = entries.get(0).textValue();
        VcdmVersion version;
        if (CONTEXT_V2.equals(first)) {
            version = VcdmVersion.V2_0;
        } else if (CONTEXT_V1.equals(first)) {
            version = VcdmVersion.V1_1;
        } else {
            throw new DataModelException(DataModelError.INVALID_BASE_CONTEXT,
                    "the first @context entry must be " + CONTEXT_V2 + " (VCDM 2.0 section 4.3)");
        }
        for (JsonNode entry : entries.subList(1, entries.size())) {
            if (entry.isObject()) {
                continue;
            }
            if (!entry.isTextual() || !isRecurringUrl(entry.textValue())) {
                throw new DataModelException(DataModelError.INVALID_CONTEXT,
                        "@context entries after the first are URLs or objects (VCDM 2.0 section 4.3)");
            }
            if (!knownContexts.test(entry.textValue())) {
                throw new DataModelException(DataModelError.UNKNOWN_CONTEXT,
                        "@context " + entry.textValue() + " is not a known context");
            }
        }
        return version;
    }

    private static void checkOptionalUrl(ObjectNode doc, String member, String what) throws DataModelException {
        JsonNode id = doc.get(member);
        if (id != null && (!id.isTextual() || !isUrl(id.textValue()))) {
            throw new DataModelException(DataModelError.INVALID_ID, what + " must be a single URL (VCDM 2.0 section 4.4)");
        }
    }

    private static void checkTypes(ObjectNode doc, String required) throws DataModelException {
        JsonNode type = doc.get(TYPE);
        List<JsonNode> values = asList(type);
        boolean found = false;
        // One loop over the values rather than a stream and a second list of their texts.
        for (JsonNode v : values) {
            if (!v.isTextual() || v.textValue().isEmpty()) {
                throw new DataModelException(DataModelError.INVALID_TYPE,
                        "type is one or more non-empty strings (VCDM 2.0 section 4.5)");
            }
            found |= v.textValue().equals(required);
        }
        if (values.isEmpty()) {
            throw new DataModelException(DataModelError.INVALID_TYPE,
                    "type is one or more non-empty strings (VCDM 2.0 section 4.5)");
        }
        if (!found) {
            throw new DataModelException(DataModelError.MISSING_BASE_TYPE,
                    "type must include " + required + " (VCDM 2.0 section 4.5)");
        }
    }

    private static void checkIssuer(ObjectNode doc) throws DataModelException {
        JsonNode issuer = doc.get(ISSUER);
        if (issuer == null || issuer.isNull()) {
            throw new DataModelException(DataModelError.MISSING_ISSUER, "issuer is required (VCDM 2.0 section 4.7)");
        }
        issuerId(issuer);
    }

    private static void checkSubjects(ObjectNode doc) throws DataModelException {
        JsonNode subject = doc.get(CREDENTIAL_SUBJECT);
        List<JsonNode> subjects = asList(subject);
        if (subjects.isEmpty()) {
            throw new DataModelException(DataModelError.MISSING_CREDENTIAL_SUBJECT,
                    "credentialSubject is required (VCDM 2.0 section 4.8)");
        }
        for (JsonNode s : subjects) {
            if (!s.isObject()) {
                throw new DataModelException(DataModelError.INVALID_CREDENTIAL_SUBJECT,
                        "credentialSubject is an object or an array of objects (VCDM 2.0 section 4.8)");
            }
            if (s.isEmpty()) {
                throw new DataModelException(DataModelError.MISSING_CREDENTIAL_SUBJECT,
                        "each credentialSubject object expresses at least one claim (VCDM 2.0 section 4.8)");
            }
            JsonNode id = s.get(ID);
            if (id != null && (!id.isTextual() || !isUrl(id.textValue()))) {
                throw new DataModelException(DataModelError.INVALID_ID,
                        "credentialSubject id must be a URL (VCDM 2.0 section 4.4)");
            }
        }
    }

    /** The validity period: validFrom/validUntil (2.0) or issuanceDate/expirationDate (1.1), either may be null. */
    private static Instant[] checkDates(ObjectNode doc, VcdmVersion version) throws DataModelException {
        if (version == VcdmVersion.V2_0) {
            Instant from = optionalDate(doc, VALID_FROM, false);
            Instant until = optionalDate(doc, VALID_UNTIL, false);
            if (from != null && until != null && from.isAfter(until)) {
                throw new DataModelException(DataModelError.INVALID_VALIDITY_PERIOD,
                        "validFrom is later than validUntil (VCDM 2.0 section 4.9)");
            }
            return new Instant[] {from, until};
        }
        if (!doc.has(ISSUANCE_DATE)) {
            throw new DataModelException(DataModelError.MISSING_ISSUANCE_DATE,
                    "a VCDM 1.1 credential has an issuanceDate (VCDM 1.1 section 4.6)");
        }
        return new Instant[] {optionalDate(doc, ISSUANCE_DATE, true), optionalDate(doc, EXPIRATION_DATE, true)};
    }

    static Instant optionalDate(ObjectNode doc, String member, boolean lenient) throws DataModelException {
        JsonNode value = doc.get(member);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new DataModelException(DataModelError.INVALID_DATE_TIME, member + " is a string");
        }
        return lenient ? DateTimeStamps.parseLenient(value.textValue(), member)
                : DateTimeStamps.parse(value.textValue(), member);
    }

    private static void checkStatus(ObjectNode doc, VcdmVersion version) throws DataModelException {
        if (!doc.has(CREDENTIAL_STATUS)) {
            return;
        }
        List<JsonNode> entries = asList(doc.get(CREDENTIAL_STATUS));
        if (entries.isEmpty()) {
            throw new DataModelException(DataModelError.INVALID_CREDENTIAL_STATUS,
                    "credentialStatus, when present, holds one or more entries (VCDM 2.0 section 4.10)");
        }
        for (JsonNode entry : entries) {
            if (!entry.isObject() || types(entry).isEmpty()) {
                throw new DataModelException(DataModelError.INVALID_CREDENTIAL_STATUS,
                        "each credentialStatus entry is an object with a type (VCDM 2.0 section 4.10)");
            }
            JsonNode id = entry.get(ID);
            boolean idRequired = version == VcdmVersion.V1_1;
            if ((id == null && idRequired) || (id != null && (!id.isTextual() || !isUrl(id.textValue())))) {
                throw new DataModelException(DataModelError.INVALID_CREDENTIAL_STATUS,
                        "a credentialStatus id is a URL" + (idRequired ? " and is required in VCDM 1.1 (section 4.9)" : ""));
            }
        }
    }

    private static void checkTypedEntries(ObjectNode doc, String member, boolean idRequired, DataModelError error)
            throws DataModelException {
        if (!doc.has(member)) {
            return;
        }
        List<JsonNode> entries = asList(doc.get(member));
        if (entries.isEmpty()) {
            throw new DataModelException(error, member + ", when present, holds one or more objects");
        }
        for (JsonNode entry : entries) {
            if (!entry.isObject() || types(entry).isEmpty()) {
                throw new DataModelException(error, "each " + member + " entry is an object with a type");
            }
            JsonNode id = entry.get(ID);
            if ((id == null && idRequired) || (id != null && (!id.isTextual() || !isRecurringUrl(id.textValue())))) {
                throw new DataModelException(error, "each " + member + " entry has an id that is a URL");
            }
        }
    }
}
