package org.creditmesh.core.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.creditmesh.core.json.JsonError;
import org.creditmesh.core.json.MalformedJsonException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProtectedHeadersTest {

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a remembered header is handed out as a fresh copy: changing one changes neither the next nor the table")
    void everyCallerGetsItsOwnTree() throws Exception {
        String text = b64("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\"did:example:copy#1\"}");
        ObjectNode first = ProtectedHeaders.parse(text);
        first.put("alg", "none").put("crit", "x");
        ObjectNode second = ProtectedHeaders.parse(text);
        assertThat(second.get("alg").textValue()).isEqualTo("EdDSA");
        assertThat(second.has("crit")).isFalse();
        second.remove("typ");
        assertThat(ProtectedHeaders.parse(text).get("typ").textValue()).isEqualTo("vc+jwt");
        assertThat(ProtectedHeaders.parse(text)).isNotSameAs(ProtectedHeaders.parse(text));
    }

    @Test
    @DisplayName("a header that fails is refused with the same code every time (never remembered)")
    void failuresAreRefusedEveryTime() {
        String duplicate = b64("{\"alg\":\"EdDSA\",\"alg\":\"none\"}");
        String notObject = b64("[\"alg\"]");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> ProtectedHeaders.parse(duplicate)).isInstanceOf(MalformedJsonException.class)
                    .extracting(e -> ((MalformedJsonException) e).code()).isEqualTo(JsonError.DUPLICATE_MEMBER);
            assertThatThrownBy(() -> ProtectedHeaders.parse(notObject)).isInstanceOf(MalformedJsonException.class)
                    .extracting(e -> ((MalformedJsonException) e).code()).isEqualTo(JsonError.NOT_AN_OBJECT);
            assertThatThrownBy(() -> ProtectedHeaders.parse(b64("{\"alg\":\"EdDSA\"}") + "=="))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ProtectedHeaders.parse("")).isInstanceOf(MalformedJsonException.class);
        }
    }

    @Test
    @DisplayName("more distinct headers than the table holds, and long ones, are all read correctly")
    void manyAndLongHeadersStayCorrect() throws Exception {
        for (int i = 0; i < 600; i++) {
            String kid = "did:example:" + i + "#" + "k".repeat(i % 3 == 0 ? 900 : 1);
            ObjectNode header = ProtectedHeaders.parse(b64("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}"));
            assertThat(header.get("kid").textValue()).isEqualTo(kid);
        }
    }
}
