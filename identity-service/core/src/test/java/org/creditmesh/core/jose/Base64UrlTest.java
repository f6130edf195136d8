package org.creditmesh.core.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Base64UrlTest {

    @Test
    @DisplayName("RFC 7515 section 2: base64url without padding decodes; the empty string is no bytes")
    void decodesUnpaddedBase64Url() {
        assertThat(Base64Url.decode("eyJhbGciOiJFZERTQSJ9")).asString().isEqualTo("{\"alg\":\"EdDSA\"}");
        assertThat(Base64Url.decode("-_8")).containsExactly(0xfb, 0xff);
        assertThat(Base64Url.decode("")).isEmpty();
    }

    @Test
    @DisplayName("RFC 7515 section 2: padding, the standard alphabet, whitespace, line breaks and non-ASCII are refused")
    void refusesEverythingButTheUrlSafeAlphabet() {
        for (String bad : new String[] {"eQ==", "eQ=", "e+8", "e/8", "eyJh bGci", "eyJh\nbGci", "eyJh\rbGci", "eyJh\tbGci",
                "eyJhé", "eyJhŁ", "eyJh\u0000", "eyJh.", "eyJh~", "eyJhb"}) {
            assertThatThrownBy(() -> Base64Url.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThat(Base64Url.isValid(bad)).as(bad).isFalse();
        }
    }

    @Test
    @DisplayName("accepts exactly what a char-by-char check of the alphabet and length (the former check) accepts")
    void agreesWithAnAlphabetCheckOnRandomText() {
        String chars = "ABCXYZabcxyz0189-_+/= .\n~é";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                // Mostly alphabet characters, so that valid texts are common too.
                sb.append(random.nextInt(4) == 0 ? chars.charAt(random.nextInt(chars.length())) : chars.charAt(random.nextInt(15)));
            }
            String text = sb.toString();
            boolean expected = alphabetOnly(text) && text.length() % 4 != 1;
            assertThat(Base64Url.isValid(text)).as(text).isEqualTo(expected);
            if (expected) {
                assertThat(Base64Url.decode(text)).isEqualTo(Base64.getUrlDecoder().decode(text));
            }
            // The byte-range form, on the text's US-ASCII bytes between other characters, agrees.
            byte[] framed = ("é." + text + ".=").getBytes(StandardCharsets.US_ASCII);
            int from = 2;
            int to = framed.length - 2;
            if (expected) {
                assertThat(Base64Url.decode(framed, from, to)).as(text).isEqualTo(Base64.getUrlDecoder().decode(text));
            } else {
                assertThatThrownBy(() -> Base64Url.decode(framed, from, to)).as(text).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    private static boolean alphabetOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
