package org.creditmesh.service.auth;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.creditmesh.core.http.BoundedHttpGet;
import org.creditmesh.core.keys.VerificationKey;

/**
 * The token keys a token service publishes at its JWKS URL (RFC 8414 {@code jwks_uri}), for services that verify
 * tokens they did not issue (the scoring service). Fetched on first use, kept for {@link #maxAge}, and fetched again
 * early when a token names an unknown {@code kid} (a rotation), at most once per {@link #minRefetch} so that tokens
 * with made-up kids cannot make this service hammer the token service.
 */
public final class RemoteJwks implements TokenKeySource {

    static final int MAX_BYTES = 64 * 1024;

    private final URI url;
    private final BoundedHttpGet http;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefetch;
    private Map<String, VerificationKey> keys = Map.of();
    private Instant fetchedAt = Instant.MIN;

    public RemoteJwks(URI url, SSLContext sslContext, Clock clock, Duration maxAge, Duration minRefetch) {
        this.url = Objects.requireNonNull(url, "url");
        this.http = BoundedHttpGet.builder(MAX_BYTES, MAX_BYTES, g -> g).sslContext(sslContext).allowHttpOnLoopback(true).build();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.minRefetch = Objects.requireNonNull(minRefetch, "minRefetch");
    }

    @Override
    public synchronized Optional<VerificationKey> key(String kid) throws InvalidTokenException {
        Instant now = clock.instant();
        boolean stale = fetchedAt.plus(maxAge).isBefore(now);
        boolean unknown = !keys.containsKey(kid) && fetchedAt.plus(minRefetch).isBefore(now);
        if (stale || unknown) {
            fetch(now);
        }
        return Optional.ofNullable(keys.get(kid));
    }

    private void fetch(Instant now) throws InvalidTokenException {
        try {
            byte[] body = http.get(url, "the token service's JWKS", "application/jwk-set+json, application/json",
                    Set.of("application/jwk-set+json", "application/json"));
            keys = TokenKeySource.keysOf(JWKSet.parse(new String(body, StandardCharsets.UTF_8)));
            fetchedAt = now;
        } catch (BoundedHttpGet.FetchException | ParseException e) {
            fetchedAt = now.minus(maxAge).plus(minRefetch); // retry after minRefetch, not on every request
            throw new InvalidTokenException("the token service's keys could not be fetched");
        }
    }
}
