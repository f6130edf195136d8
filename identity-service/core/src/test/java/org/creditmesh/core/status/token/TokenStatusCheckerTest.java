package org.creditmesh.core.status.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.core.did.DidError;
import org.creditmesh.core.did.DidException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;

/** {@link TokenStatusChecker}: the validation steps of draft-ietf-oauth-status-list-20 section 8.3. */
class TokenStatusCheckerTest {

    static final String URI = "https://issuer.example/tsl/1";
    static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private final SigningKey key = SigningKey.generate(KeyType.P256);
    private final StatusListTokenIssuer issuer = StatusListTokenIssuer.builder(key, "k").clock(NOW).build();

    private TokenStatusChecker checker(StatusListTokenFetcher fetcher) {
        return new TokenStatusChecker(fetcher, StatusListKeyResolver.fixed(key.publicKey()), NOW);
    }

    private String token(TokenStatusList list) throws TokenStatusException {
        return issuer.issue(URI, list).compact();
    }

    @Test
    void readsValidInvalidSuspendedAndApplicationSpecificValues() throws Exception {
        String token = token(TokenStatusList.create(16, 2).with(1, 1).with(2, 2).with(3, 3));
        TokenStatusChecker checker = checker(uri -> token);
        assertThat(checker.check(new StatusReference(0, URI)).type()).isEqualTo(TokenStatusType.VALID);
        assertThat(checker.check(new StatusReference(1, URI)).type()).isEqualTo(TokenStatusType.INVALID);
        assertThat(checker.check(new StatusReference(2, URI)).type()).isEqualTo(TokenStatusType.SUSPENDED);
        TokenStatus flagged = checker.check(new StatusReference(3, URI));
        assertThat(flagged.type()).isEqualTo(TokenStatusType.APPLICATION_SPECIFIC);
        assertThat(flagged.value()).isEqualTo(3);
    }

    @Test
    void fetchesTheUriTheReferenceNames() throws Exception {
        String token = token(TokenStatusList.create(16, 1));
        List<String> fetched = new ArrayList<>();
        checker(uri -> {
            fetched.add(uri);
            return token;
        }).check(Json.parse("{\"status_list\":{\"idx\":5,\"uri\":\"" + URI + "\"}}"));
        assertThat(fetched).containsExactly(URI);
    }

    @Test
    void reportsAFailedOrEmptyRetrievalAsUnavailable() {
        StatusListTokenFetcher failing = uri -> {
            throw new DidException(DidError.FETCH_FAILED, "HTTP 503");
        };
        StatusListTokenFetcher crashing = uri -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
        };
        for (StatusListTokenFetcher fetcher : List.of(failing, crashing, uri -> "", uri -> null)) {
            TokenStatusException e = catchThrowableOfType(TokenStatusException.class,
                    () -> checker(fetcher).check(new StatusReference(0, URI)));
            assertThat(e.code()).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
        }
    }

    @Test
    void refusesAnIndexOutsideTheList() throws Exception {
        String token = token(TokenStatusList.create(16, 1));
        TokenStatusException e = catchThrowableOfType(TokenStatusException.class,
                () -> checker(uri -> token).check(new StatusReference(16, URI)));
        assertThat(e.code()).isEqualTo(TokenStatusError.INDEX_OUT_OF_RANGE);
    }

    @Test
    void refusesATokenServedForAnotherUri() throws Exception {
        String other = issuer.issue("https://issuer.example/tsl/2", TokenStatusList.create(16, 1)).compact();
        TokenStatusException e = catchThrowableOfType(TokenStatusException.class,
                () -> checker(uri -> other).check(new StatusReference(0, URI)));
        assertThat(e.code()).isEqualTo(TokenStatusError.STATUS_LIST_SUBJECT_MISMATCH);
    }

    @Test
    void refusesAMalformedReferenceBeforeFetchingAnything() {
        List<String> fetched = new ArrayList<>();
        TokenStatusException e = catchThrowableOfType(TokenStatusException.class,
                () -> checker(uri -> {
                    fetched.add(uri);
                    return "";
                }).check(Json.parse("{\"status_list\":{\"idx\":-3,\"uri\":\"" + URI + "\"}}")));
        assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_REFERENCE);
        assertThat(fetched).isEmpty();
    }

    @Test
    void namesStatusTypesByTheRegistryOfSection7Point1() {
        assertThat(TokenStatusType.of(0)).isEqualTo(TokenStatusType.VALID);
        assertThat(TokenStatusType.of(1)).isEqualTo(TokenStatusType.INVALID);
        assertThat(TokenStatusType.of(2)).isEqualTo(TokenStatusType.SUSPENDED);
        assertThat(TokenStatusType.of(3)).isEqualTo(TokenStatusType.APPLICATION_SPECIFIC);
        assertThat(TokenStatusType.of(0x0C)).isEqualTo(TokenStatusType.APPLICATION_SPECIFIC);
        assertThat(TokenStatusType.of(0x0F)).isEqualTo(TokenStatusType.APPLICATION_SPECIFIC);
        assertThat(TokenStatusType.of(4)).isEqualTo(TokenStatusType.UNREGISTERED);
        assertThat(TokenStatusType.of(0x10)).isEqualTo(TokenStatusType.UNREGISTERED);
    }
}
