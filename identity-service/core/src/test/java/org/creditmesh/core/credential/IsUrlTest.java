package org.creditmesh.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IsUrlTest {

    /** isUrl as it was, through java.net.URI for every value. */
    private static boolean byUriParser(String value) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getRawSchemeSpecificPart() != null && !uri.getRawSchemeSpecificPart().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Test
    @DisplayName("the opaque-URI shortcut answers only for values the URI parser accepts, and isUrl agrees with the parser on 100,000 random values")
    void agreesWithTheUriParser() {
        String chars = "azAZ09+-.:_~@!$&'()*,;=/%?#[] \u00e9\u2028\u0000\"<>\\^`{|}";
        Random random = new Random(42);
        int shortcut = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            // Mostly "scheme:" prefixes, so that the shortcut's cases are common.
            if (random.nextInt(4) > 0) {
                sb.append(random.nextBoolean() ? "did:key" : random.nextBoolean() ? "urn" : "a1+-.").append(':');
            }
            for (int length = random.nextInt(10); length > 0; length--) {
                sb.append(random.nextInt(3) > 0 ? chars.charAt(random.nextInt(12)) : chars.charAt(random.nextInt(chars.length())));
            }
            String value = sb.toString();
            boolean expected = byUriParser(value);
            if (DataModelValidator.isPlainOpaqueUri(value)) {
                shortcut++;
                assertThat(expected).as(value).isTrue();
            }
            assertThat(DataModelValidator.isUrl(value)).as(value).isEqualTo(expected);
        }
        assertThat(shortcut).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("ids of the kinds credentials carry")
    void typicalIds() {
        for (String url : new String[] {"urn:uuid:5b7c1f2e-9d8a-4e31-b6a0-1c2d3e4f5a01",
                "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "did:web:bureau.example:issuers:1",
                "https://creditmesh.org/schemas/kyc.json", "mailto:a@b.example"}) {
            assertThat(DataModelValidator.isUrl(url)).as(url).isTrue();
        }
        for (String bad : new String[] {"urn:", ":x", "1a:b", "did key:x", "no-scheme", "a:b c", ""}) {
            assertThat(DataModelValidator.isUrl(bad)).as(bad).isEqualTo(byUriParser(bad)).isFalse();
        }
    }
}
