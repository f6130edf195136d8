package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * An SD-JWT or SD-JWT+KB as a value: the issuer-signed JWT (one or, in the general JSON serialization, several
 * signatures over one payload), the disclosures, and optionally a Key Binding JWT. It parses and serializes
 * the compact form {@code <JWT>~<D1>~...~<Dn>~[<KB-JWT>]} (RFC 9901 section 4) and both JWS JSON forms
 * (RFC 9901 section 8). Parsing checks structure only; {@link SdJwtVerifier} does the verification.
 */
public final class SdJwt {

    /** One signature over the payload: its protected header and signature, base64url as received. */
    public record Signature(String protectedHeader, String signature) {
        public Signature {
            Objects.requireNonNull(protectedHeader, "protectedHeader");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /**
     * The compact text an SD-JWT was parsed from, as US-ASCII bytes, with where its parts are: hashing and
     * verifying read these ranges instead of taking the bytes of every part again (the disclosures three
     * times: for decoding, their digests and {@code sd_hash}; the payload twice), which was about 5 % of
     * verifying an SD-JWT+KB. Only kept when each character is one byte (no supplementary characters), so
     * that the ranges are exactly the parts; a non-ASCII character is a {@code ?} here, as it is in the bytes
     * of the part it is in, which the base64url decoder refuses.
     *
     * @param ascii       the text's US-ASCII bytes
     * @param tildes      the positions of the {@code ~} separators ({@code count} of them)
     * @param count       how many separators
     */
    private record Received(byte[] ascii, int[] tildes, int count) {
        int disclosureFrom(int i) {
            return tildes[i] + 1;
        }

        int disclosureTo(int i) {
            return tildes[i + 1];
        }

        /** End of {@code <JWT>~<D1>~...~<Dn>~}, the {@code sd_hash} input. */
        int sdHashEnd() {
            return tildes[count - 1] + 1;
        }
    }

    private final String payload;
    private final List<Signature> signatures;
    private final List<Disclosure> disclosures;
    private final Optional<String> keyBindingJwt;
    private final Received received;

    public SdJwt(String payload, List<Signature> signatures, List<Disclosure> disclosures, Optional<String> keyBindingJwt) {
        this(payload, signatures, disclosures, keyBindingJwt, null);
    }

    private SdJwt(String payload, List<Signature> signatures, List<Disclosure> disclosures, Optional<String> keyBindingJwt,
                  Received received) {
        this.payload = Objects.requireNonNull(payload, "payload");
        this.signatures = List.copyOf(signatures);
        if (this.signatures.isEmpty()) {
            throw new IllegalArgumentException("an SD-JWT has at least one signature");
        }
        this.disclosures = List.copyOf(disclosures);
        this.keyBindingJwt = Objects.requireNonNull(keyBindingJwt, "keyBindingJwt");
        this.received = received;
    }

    /** Parses the compact or (if it starts with {@code {}) the JSON serialization, within the default limits. */
    public static SdJwt parse(String serialized) throws SdJwtException {
        return parse(serialized, SdJwtLimits.DEFAULT);
    }

    public static SdJwt parse(String serialized, SdJwtLimits limits) throws SdJwtException {
        if (serialized == null || serialized.isEmpty()) {
            throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "no SD-JWT");
        }
        if (serialized.length() > limits.maxBytes()) {
            throw new SdJwtException(SdJwtError.INPUT_TOO_LARGE,
                    "SD-JWT of " + serialized.length() + " characters exceeds the limit of " + limits.maxBytes());
        }
        String trimmed = serialized.strip();
        return trimmed.startsWith("{") ? parseJson(trimmed, limits) : parseCompact(trimmed, limits);
    }

    private static SdJwt parseCompact(String text, SdJwtLimits limits) throws SdJwtException {
        // The parts are found by position rather than String.split, so that the received bytes can be kept with
        // where each part is (Received); the checks and their order are those of splitting on '~' and '.'.
        int[] tildes = new int[32];
        int count = 0;
        for (int at = text.indexOf(SdJwtSpecs.SEPARATOR); at >= 0; at = text.indexOf(SdJwtSpecs.SEPARATOR, at + 1)) {
            if (count == tildes.length) {
                tildes = Arrays.copyOf(tildes, count * 2);
            }
            tildes[count++] = at;
        }
        if (count < 1) {
            throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "an SD-JWT has at least one '~' after the issuer-signed JWT");
        }
        if (count - 1 > limits.maxDisclosures()) {
            throw new SdJwtException(SdJwtError.TOO_MANY_DISCLOSURES,
                    (count - 1) + " disclosures exceed the limit of " + limits.maxDisclosures());
        }
        int jwtEnd = tildes[0];
        int dot1 = text.indexOf('.');
        int dot2 = dot1 < 0 || dot1 > jwtEnd ? -1 : text.indexOf('.', dot1 + 1);
        // An empty signature is let through here so that alg "none" is refused as such by the verifier.
        int dot3 = dot2 < 0 ? -1 : text.indexOf('.', dot2 + 1);
        if (dot2 < 0 || dot2 > jwtEnd || (dot3 >= 0 && dot3 < jwtEnd) || dot1 == 0 || dot2 == dot1 + 1) {
            throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "the issuer-signed JWT is not a compact JWS");
        }
        int lastFrom = tildes[count - 1] + 1;
        if (lastFrom < text.length() && dots(text, lastFrom, text.length()) != 2) {
            throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT,
                    "an SD-JWT ends with '~' or with a KB-JWT; the last part is neither");
        }
        Optional<String> kb = lastFrom == text.length() ? Optional.empty() : Optional.of(text.substring(lastFrom));
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        Received received = ascii.length == text.length() ? new Received(ascii, tildes, count) : null;
        List<Disclosure> disclosures = new ArrayList<>(count - 1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count - 1; i++) {
            String encoded = text.substring(tildes[i] + 1, tildes[i + 1]);
            if (!seen.add(encoded)) {
                throw new SdJwtException(SdJwtError.DUPLICATE_DISCLOSURE, "the same disclosure is present twice");
            }
            disclosures.add(received == null ? Disclosure.parse(encoded)
                    : Disclosure.parse(encoded, ascii, received.disclosureFrom(i), received.disclosureTo(i)));
        }
        Signature signature = new Signature(text.substring(0, dot1), text.substring(dot2 + 1, jwtEnd));
        return new SdJwt(text.substring(dot1 + 1, dot2), List.of(signature), disclosures, kb, received);
    }

    /** How many '.' are in {@code text[from, to)}. */
    private static int dots(String text, int from, int to) {
        int n = 0;
        for (int at = text.indexOf('.', from); at >= 0 && at < to; at = text.indexOf('.', at + 1)) {
            n++;
        }
        return n;
    }

    private static SdJwt parseJson(String text, SdJwtLimits limits) throws SdJwtException {
        ObjectNode json;
        try {
            json = Json.parseObject(text);
        } catch (MalformedJsonException e) {
            throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "the JSON serialization is not a JSON object: " + e.getMessage(), e);
        }
        String payload = requiredText(json, SdJwtSpecs.JSON_PAYLOAD);
        List<Signature> signatures = new ArrayList<>();
        JsonNode header;
        if (json.has(SdJwtSpecs.JSON_SIGNATURES)) {
            // General serialization (RFC 9901 section 8): disclosures and kb_jwt only in the first signature's header.
            if (json.has(SdJwtSpecs.JSON_PROTECTED) || json.has(SdJwtSpecs.JSON_SIGNATURE) || json.has(SdJwtSpecs.JSON_HEADER)) {
                throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "general and flattened JSON serialization members are mixed");
            }
            JsonNode list = json.get(SdJwtSpecs.JSON_SIGNATURES);
            if (!list.isArray() || list.isEmpty()) {
                throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "signatures must be a non-empty array");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof ObjectNode entry)) {
                    throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "each signature is a JSON object");
                }
                signatures.add(new Signature(requiredText(entry, SdJwtSpecs.JSON_PROTECTED), requiredText(entry, SdJwtSpecs.JSON_SIGNATURE)));
                JsonNode h = entry.path(SdJwtSpecs.JSON_HEADER);
                if (i > 0 && (h.has(SdJwtSpecs.JSON_DISCLOSURES) || h.has(SdJwtSpecs.JSON_KB_JWT))) {
                    throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "only the first signature's header may carry disclosures and kb_jwt");
                }
            }
            header = list.get(0).path(SdJwtSpecs.JSON_HEADER);
        } else {
            signatures.add(new Signature(requiredText(json, SdJwtSpecs.JSON_PROTECTED), requiredText(json, SdJwtSpecs.JSON_SIGNATURE)));
            header = json.path(SdJwtSpecs.JSON_HEADER);
        }
        if (!header.isMissingNode() && !header.isObject()) {
            throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "the unprotected header must be a JSON object");
        }
        List<String> encoded = new ArrayList<>();
        JsonNode list = header.path(SdJwtSpecs.JSON_DISCLOSURES);
        if (!list.isMissingNode()) {
            if (!list.isArray()) {
                throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "disclosures must be an array of strings");
            }
            if (list.size() > limits.maxDisclosures()) {
                throw new SdJwtException(SdJwtError.TOO_MANY_DISCLOSURES,
                        list.size() + " disclosures exceed the limit of " + limits.maxDisclosures());
            }
            for (JsonNode d : list) {
                if (!d.isTextual()) {
                    throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "disclosures must be an array of strings");
                }
                encoded.add(d.asText());
            }
        }
        Optional<String> kb = Optional.empty();
        if (header.has(SdJwtSpecs.JSON_KB_JWT)) {
            if (!header.get(SdJwtSpecs.JSON_KB_JWT).isTextual()) {
                throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "kb_jwt must be a string");
            }
            kb = Optional.of(header.get(SdJwtSpecs.JSON_KB_JWT).asText());
        }
        return new SdJwt(payload, signatures, parseDisclosures(encoded), kb);
    }

    private static List<Disclosure> parseDisclosures(List<String> encoded) throws SdJwtException {
        List<Disclosure> result = new ArrayList<>(encoded.size());
        Set<String> seen = new HashSet<>();
        for (String e : encoded) {
            if (!seen.add(e)) {
                throw new SdJwtException(SdJwtError.DUPLICATE_DISCLOSURE, "the same disclosure is present twice");
            }
            result.add(Disclosure.parse(e));
        }
        return result;
    }

    private static String requiredText(JsonNode json, String name) throws SdJwtException {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "the JSON serialization lacks the string member " + name);
        }
        return value.asText();
    }

    /** base64url of the payload, as signed. */
    public String payload() {
        return payload;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    public List<Disclosure> disclosures() {
        return disclosures;
    }

    public Optional<String> keyBindingJwt() {
        return keyBindingJwt;
    }

    /** The issuer-signed JWT in compact form; with several signatures, the first (RFC 9901 section 8). */
    public String issuerSignedJwt() {
        Signature first = signatures.getFirst();
        return first.protectedHeader() + "." + payload + "." + first.signature();
    }

    /** The same issuer-signed JWT with other disclosures and no KB-JWT. */
    public SdJwt withDisclosures(List<Disclosure> selected) {
        return new SdJwt(payload, signatures, selected, Optional.empty());
    }

    public SdJwt withKeyBinding(String kbJwt) {
        return new SdJwt(payload, signatures, disclosures, Optional.of(kbJwt));
    }

    /**
     * {@code <JWT>~<D1>~...~<Dn>~}: the SD-JWT without KB-JWT, over which {@code sd_hash} is computed
     * (RFC 9901 section 4.3.1; for the JSON serialization, section 8 uses the first signature).
     */
    public String sdHashInput() {
        StringBuilder sb = new StringBuilder(issuerSignedJwt()).append(SdJwtSpecs.SEPARATOR);
        for (Disclosure d : disclosures) {
            sb.append(d.encoded()).append(SdJwtSpecs.SEPARATOR);
        }
        return sb.toString();
    }

    /**
     * Feeds {@link #sdHashInput()} to {@code digest} part by part: the same bytes, without building the
     * several-KB string first (it is all US-ASCII, being base64url, dots and tildes).
     */
    void sdHashInput(MessageDigest digest) {
        if (received != null) {
            // The compact text as received starts with exactly these bytes.
            digest.update(received.ascii(), 0, received.sdHashEnd());
            return;
        }
        Signature first = signatures.getFirst();
        digest.update(first.protectedHeader().getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '.');
        digest.update(payload.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '.');
        digest.update(first.signature().getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) SdJwtSpecs.SEPARATOR);
        for (Disclosure d : disclosures) {
            digest.update(d.encoded().getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) SdJwtSpecs.SEPARATOR);
        }
    }

    /**
     * The digest of each disclosure, in order ({@link Disclosure#digest}): over the received bytes when the
     * SD-JWT was parsed from compact text, with one digest object for all of them.
     */
    List<DisclosureDigest> disclosureDigests(HashAlgorithm alg) {
        List<DisclosureDigest> digests = new ArrayList<>(disclosures.size());
        if (received == null) {
            for (Disclosure d : disclosures) {
                digests.add(d.digest(alg));
            }
            return digests;
        }
        MessageDigest digest = alg.newDigest();
        for (int i = 0; i < disclosures.size(); i++) {
            digest.update(received.ascii(), received.disclosureFrom(i), received.disclosureTo(i) - received.disclosureFrom(i));
            digests.add(DisclosureDigest.ofHash(digest.digest()));
        }
        return digests;
    }

    /**
     * The first (only) issuer-signed JWT read from the received bytes, its payload decoded and its signing
     * input verified in place; empty if this SD-JWT was not parsed from compact text.
     */
    Optional<Jws> receivedIssuerJws(SdJwtError malformed) throws SdJwtException {
        if (received == null) {
            return Optional.empty();
        }
        Signature first = signatures.getFirst();
        return Optional.of(Jws.of(first.protectedHeader(), payload, first.signature(), malformed, received.ascii(), 0));
    }

    /** Compact serialization; an SD-JWT with several signatures keeps only the first. */
    public String serialize() {
        return sdHashInput() + keyBindingJwt.orElse("");
    }

    /** Flattened JWS JSON serialization (RFC 9901 section 8, first signature only). */
    public String serializeFlattenedJson() {
        ObjectNode json = Json.mapper().createObjectNode();
        json.set(SdJwtSpecs.JSON_HEADER, unprotectedHeader());
        json.put(SdJwtSpecs.JSON_PAYLOAD, payload);
        json.put(SdJwtSpecs.JSON_PROTECTED, signatures.getFirst().protectedHeader());
        json.put(SdJwtSpecs.JSON_SIGNATURE, signatures.getFirst().signature());
        return Json.write(json);
    }

    /** General JWS JSON serialization (RFC 9901 section 8): disclosures and KB-JWT in the first signature's header. */
    public String serializeGeneralJson() {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put(SdJwtSpecs.JSON_PAYLOAD, payload);
        ArrayNode list = json.putArray(SdJwtSpecs.JSON_SIGNATURES);
        for (int i = 0; i < signatures.size(); i++) {
            ObjectNode entry = list.addObject();
            if (i == 0) {
                entry.set(SdJwtSpecs.JSON_HEADER, unprotectedHeader());
            }
            entry.put(SdJwtSpecs.JSON_PROTECTED, signatures.get(i).protectedHeader());
            entry.put(SdJwtSpecs.JSON_SIGNATURE, signatures.get(i).signature());
        }
        return Json.write(json);
    }

    private ObjectNode unprotectedHeader() {
        ObjectNode header = Json.mapper().createObjectNode();
        ArrayNode list = header.putArray(SdJwtSpecs.JSON_DISCLOSURES);
        disclosures.forEach(d -> list.add(d.encoded()));
        keyBindingJwt.ifPresent(kb -> header.put(SdJwtSpecs.JSON_KB_JWT, kb));
        return header;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdJwt other && payload.equals(other.payload) && signatures.equals(other.signatures)
                && disclosures.equals(other.disclosures) && keyBindingJwt.equals(other.keyBindingJwt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payload, signatures, disclosures, keyBindingJwt);
    }

    @Override
    public String toString() {
        return serialize();
    }
}
