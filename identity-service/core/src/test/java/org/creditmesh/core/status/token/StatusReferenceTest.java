package org.creditmesh.core.status.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StatusReference}: draft-ietf-oauth-status-list-20 section 6.2. */
class StatusReferenceTest {

    @Test
    void readsTheReferenceOfTheDraftsExampleReferencedToken() throws Exception {
        StatusReference reference = StatusReference.parse(Json.parse(
                "{\"status_list\":{\"idx\":0,\"uri\":\"https://example.com/statuslists/1\"}}"));
        assertThat(reference).isEqualTo(new StatusReference(0, "https://example.com/statuslists/1"));
    }

    @Test
    void roundTripsThroughTheStatusClaim() throws Exception {
        StatusReference reference = new StatusReference(4_294_967_296L, "https://issuer.example/tsl/7");
        assertThat(StatusReference.parse(reference.toStatusClaim())).isEqualTo(reference);
        assertThat(Json.write(reference.toStatusClaim()))
                .isEqualTo("{\"status_list\":{\"idx\":4294967296,\"uri\":\"https://issuer.example/tsl/7\"}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"status_list\":{\"idx\":-1,\"uri\":\"https://example.com/s\"}}",
        "{\"status_list\":{\"idx\":1.5,\"uri\":\"https://example.com/s\"}}",
        "{\"status_list\":{\"idx\":\"7\",\"uri\":\"https://example.com/s\"}}",
        "{\"status_list\":{\"idx\":123456789012345678901234567890,\"uri\":\"https://example.com/s\"}}",
        "{\"status_list\":{\"uri\":\"https://example.com/s\"}}",
        "{\"status_list\":{\"idx\":1}}",
        "{\"status_list\":{\"idx\":1,\"uri\":7}}",
        "{\"status_list\":{\"idx\":1,\"uri\":\"/relative/path\"}}",
        "{\"status_list\":{\"idx\":1,\"uri\":\"file:///etc/passwd\"}}",
        "{\"status_list\":{\"idx\":1,\"uri\":\"ftp://example.com/s\"}}",
        "{\"status_list\":{\"idx\":1,\"uri\":\"https:///no-host\"}}",
        "{\"status_list\":{\"idx\":1,\"uri\":\"https://exa mple.com/s\"}}",
        "{\"status_list\":[1,\"https://example.com/s\"]}",
        "{\"other_mechanism\":{}}",
        "[]"
    })
    void refusesAReferenceThatBreaksSection6Point2(String json) throws Exception {
        var node = Json.parse(json);
        assertThatThrownBy(() -> StatusReference.parse(node))
                .isInstanceOfSatisfying(TokenStatusException.class,
                        e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_REFERENCE));
    }

    @Test
    void acceptsPlainHttpUrls() throws Exception {
        assertThat(StatusReference.of(3, "http://localhost:8080/tsl").uri()).isEqualTo("http://localhost:8080/tsl");
    }
}
