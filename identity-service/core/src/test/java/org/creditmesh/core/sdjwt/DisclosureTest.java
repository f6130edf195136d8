package org.creditmesh.core.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    @Test
    @DisplayName("RFC 9901 section 4.2.1 and 4.2.3: the family_name example disclosure has the RFC's digest")
    void objectPropertyExampleOfTheRfcHasTheRfcDigest() throws Exception {
        Disclosure d = Disclosure.parse("WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0");
        assertThat(d.salt()).isEqualTo("_26bc4LT-ac6q2KI6cBW5es");
        assertThat(d.name()).contains("family_name");
        assertThat(d.value().asText()).isEqualTo("Möbius");
        assertThat(d.digest(HashAlgorithm.SHA_256).value()).isEqualTo("X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0");
    }

    @Test
    @DisplayName("RFC 9901 section 4.2.2: the array element example disclosure has the RFC's digest")
    void arrayElementExampleOfTheRfcHasTheRfcDigest() throws Exception {
        Disclosure d = Disclosure.parse("WyJsa2x4RjVqTVlsR1RQVW92TU5JdkNBIiwgIkZSIl0");
        assertThat(d.isArrayElement()).isTrue();
        assertThat(d.value().asText()).isEqualTo("FR");
        assertThat(d.digest(HashAlgorithm.SHA_256).value()).isEqualTo("w0I8EKcdCtUPkGCNUrfwVp2xEgNjtoIDlOxc9-PlOhs");
    }

    @Test
    void disclosureRoundTripsThroughItsEncodedTextAndKeepsItExactly() throws Exception {
        Disclosure made = Disclosure.objectProperty("c2FsdHNhbHRzYWx0c2FsdA", "address",
                Json.parse("{\"street\":\"Straße 1\",\"n\":[1,2.5,null,true]}"));
        Disclosure parsed = Disclosure.parse(made.encoded());
        assertThat(parsed).isEqualTo(made);
        assertThat(parsed.encoded()).isEqualTo(made.encoded());
        String json = new String(Base64.getUrlDecoder().decode(made.encoded()), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("[\"c2FsdHNhbHRzYWx0c2FsdA\",\"address\",{\"street\":\"Straße 1\",\"n\":[1,2.5,null,true]}]");
    }

    @Test
    void digestIsTakenOverTheReceivedTextNotAReEncoding() throws Exception {
        // Same JSON content, different whitespace: two different disclosures with different digests.
        String spaced = b64("[\"salt\", \"a\", 1]");
        String compact = b64("[\"salt\",\"a\",1]");
        assertThat(Disclosure.parse(spaced).digest(HashAlgorithm.SHA_256))
                .isNotEqualTo(Disclosure.parse(compact).digest(HashAlgorithm.SHA_256));
    }

    @Test
    void saltsAreUniqueAndCarryAtLeast128BitsOfRandomness() {
        SaltProvider salts = SaltProvider.secureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String salt = salts.newSalt();
            assertThat(Base64.getUrlDecoder().decode(salt)).hasSizeGreaterThanOrEqualTo(16);
            assertThat(seen.add(salt)).isTrue();
        }
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> SaltProvider.secureRandom(new SecureRandom(), 8))).isNotNull();
    }

    @Test
    void rejectsDisclosuresThatAreNotTwoOrThreeElementArrays() {
        for (String json : new String[] {"{\"a\":1}", "[\"salt\"]", "[\"s\",\"a\",1,2]", "[1,\"a\",1]", "[\"s\",2,1]"}) {
            SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> Disclosure.parse(b64(json)));
            assertThat(e).as(json).isNotNull();
            assertThat(e.error()).isEqualTo(SdJwtError.INVALID_DISCLOSURE);
        }
    }

    @Test
    void rejectsDisclosuresNamedSdOrEllipsis() {
        for (String name : new String[] {"_sd", "..."}) {
            SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> Disclosure.parse(b64("[\"s\",\"" + name + "\",1]")));
            assertThat(e.error()).isEqualTo(SdJwtError.RESERVED_CLAIM_NAME);
        }
    }

    @Test
    void rejectsDisclosuresThatAreNotBase64UrlOrNotUtf8() {
        assertThat(catchThrowableOfType(SdJwtException.class, () -> Disclosure.parse("abc=")).error())
                .isEqualTo(SdJwtError.INVALID_DISCLOSURE);
        String latin1 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {'[', '"', (byte) 0xE9, '"', ',', '1', ']'});
        assertThat(catchThrowableOfType(SdJwtException.class, () -> Disclosure.parse(latin1)).error())
                .isEqualTo(SdJwtError.INVALID_DISCLOSURE);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Plain disclosures ({@code ["salt", "name", "value"]} and the like) are read without Jackson; for every
     * text, plain or not, the result must be what the strict parser makes of it: the same salt, name and value,
     * or the same refusal. Generated texts mix the plain grammar with everything next to it (escapes, control
     * characters, non-ASCII, numbers, objects, missing or extra commas and brackets, trailing content).
     */
    @Test
    void readsEveryTextAsTheStrictParserDoes() throws Exception {
        String[] tokens = {"\"salt\"", "\"given_name\"", "\"\"", "\"Erika\"", "\"a b\"", "\"_sd\"", "\"...\"",
                "true", "false", "null", "tru", "nulll", "1", "-0.5", "0", "-0", "05", "-", "-7", "123456789", "1234567890",
                "2147483648", "1e3", "12x", "{}", "{\"a\":1}", "[]", "\"es\\\"c\"",
                "\"\u0001\"", "\"\u00e9\"", "\"\u007f\"", ",", ",", ",", " ", "\n", "\t", "[", "]", "x", "\"", "\\"};
        java.util.Random random = new java.util.Random(5);
        int plain = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder();
            boolean shaped = random.nextInt(3) != 0;
            if (shaped) {
                // Mostly well-formed arrays of 1 to 4 elements, so that the plain path is taken often.
                text.append(random.nextInt(8) == 0 ? " [" : "[");
                int n = 1 + random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        text.append(random.nextInt(10) == 0 ? tokens[random.nextInt(tokens.length)] : ",");
                    }
                    text.append(tokens[random.nextInt(random.nextInt(4) == 0 ? tokens.length : 10)]);
                }
                text.append(random.nextInt(10) == 0 ? tokens[random.nextInt(tokens.length)] : "]");
            } else {
                for (int k = random.nextInt(8); k >= 0; k--) {
                    text.append(tokens[random.nextInt(tokens.length)]);
                }
            }
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
            Object expected = strictReading(encoded);
            Object actual;
            try {
                Disclosure d = Disclosure.parse(encoded);
                actual = java.util.List.of(d.salt(), d.name(), d.value());
            } catch (SdJwtException e) {
                actual = e.error();
            }
            assertThat(actual).as(text.toString()).isEqualTo(expected);
            plain += expected instanceof java.util.List ? 1 : 0;
        }
        assertThat(plain).as("the sample holds plenty of accepted disclosures").isGreaterThan(2000);
    }

    /** What the strict parser's reading of a disclosure gives (RFC 9901 section 4.2.1/4.2.2), as the parser did before. */
    private static Object strictReading(String encoded) {
        byte[] bytes = Base64.getUrlDecoder().decode(encoded);
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            node = Json.parse(bytes);
        } catch (Exception e) {
            return SdJwtError.INVALID_DISCLOSURE;
        }
        if (!node.isArray() || (node.size() != 2 && node.size() != 3) || !node.get(0).isTextual()) {
            return SdJwtError.INVALID_DISCLOSURE;
        }
        if (node.size() == 2) {
            return java.util.List.of(node.get(0).asText(), java.util.Optional.empty(), node.get(1));
        }
        if (!node.get(1).isTextual()) {
            return SdJwtError.INVALID_DISCLOSURE;
        }
        String name = node.get(1).asText();
        if (name.equals("_sd") || name.equals("...")) {
            return SdJwtError.RESERVED_CLAIM_NAME;
        }
        return java.util.List.of(node.get(0).asText(), java.util.Optional.of(name), node.get(2));
    }
}
