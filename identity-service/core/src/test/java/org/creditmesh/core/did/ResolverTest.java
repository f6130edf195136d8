package org.creditmesh.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.junit.jupiter.api.Test;

/** {@link CompositeDidResolver} and {@link CachingDidResolver}. */
class ResolverTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** A did:web whose "fetch" is counted and serves a did:key-like document built in memory. */
    private static DidWebFetcher countingFetcher(AtomicInteger calls, VerificationKey key) {
        return url -> {
            calls.incrementAndGet();
            Did did = DidWeb.fromUrl(url);
            return DidDocument.builder(did)
                    .verificationMethod(VerificationMethod.multikey(did + "#k", did.toString(), key))
                    .reference(VerificationRelationship.ASSERTION_METHOD, did + "#k")
                    .build().serialize().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        };
    }

    @Test
    void dispatchesByMethodAndRefusesUnknownMethods() throws Exception {
        VerificationKey key = SigningKey.generate(KeyType.ED25519).publicKey();
        AtomicInteger calls = new AtomicInteger();
        CompositeDidResolver resolver = CompositeDidResolver.standard(countingFetcher(calls, key));

        assertThat(resolver.resolve(DidKey.create(key).toString()).verificationMethod().get(0).key()).isEqualTo(key);
        assertThat(resolver.resolve(DidJwk.create(key).toString()).verificationMethod().get(0).key()).isEqualTo(key);
        assertThat(resolver.resolveVerificationMethod("did:web:bureau.example#k").key()).isEqualTo(key);
        assertThat(calls).hasValue(1);

        DidException e = catchThrowableOfType(DidException.class, () -> resolver.resolve("did:example:123"));
        assertThat(e.error()).isEqualTo(DidError.METHOD_NOT_SUPPORTED);
        DidException wrong = catchThrowableOfType(DidException.class, () -> new DidKey().resolve("did:jwk:abc"));
        assertThat(wrong.error()).isEqualTo(DidError.METHOD_NOT_SUPPORTED);
        DidException noFragment = catchThrowableOfType(DidException.class,
                () -> resolver.resolveVerificationMethod(DidKey.create(key).toString()));
        assertThat(noFragment.error()).isEqualTo(DidError.VERIFICATION_METHOD_NOT_FOUND);
    }

    @Test
    void cachesDidWebForTheTtlAndDidKeyForever() throws Exception {
        VerificationKey key = SigningKey.generate(KeyType.P256).publicKey();
        AtomicInteger webCalls = new AtomicInteger();
        AtomicInteger allCalls = new AtomicInteger();
        CompositeDidResolver inner = CompositeDidResolver.standard(countingFetcher(webCalls, key));
        DidResolver counting = did -> {
            allCalls.incrementAndGet();
            return inner.resolve(did);
        };
        ManualClock clock = new ManualClock();
        CachingDidResolver cache = new CachingDidResolver(counting, Duration.ofMinutes(5), 100, clock);
        String web = "did:web:bureau.example";
        String keyDid = DidKey.create(key).toString();

        cache.resolve(web);
        cache.resolve(web);
        cache.resolve(keyDid);
        cache.resolve(keyDid);
        assertThat(webCalls).hasValue(1);
        assertThat(allCalls).hasValue(2);

        clock.advance(Duration.ofMinutes(6));
        cache.resolve(web);
        cache.resolve(keyDid);
        assertThat(webCalls).hasValue(2);
        assertThat(allCalls).hasValue(3);

        clock.advance(Duration.ofDays(3650));
        cache.resolve(keyDid);
        assertThat(allCalls).hasValue(3);
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondMaxEntriesAndDoesNotCacheFailures() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DidResolver keys = did -> {
            calls.incrementAndGet();
            return new DidKey().resolve(did);
        };
        CachingDidResolver cache = new CachingDidResolver(keys, Duration.ofMinutes(5), 2);
        List<String> dids = List.of(
                DidKey.create(SigningKey.generate(KeyType.ED25519).publicKey()).toString(),
                DidKey.create(SigningKey.generate(KeyType.ED25519).publicKey()).toString(),
                DidKey.create(SigningKey.generate(KeyType.ED25519).publicKey()).toString());
        cache.resolve(dids.get(0));
        cache.resolve(dids.get(1));
        cache.resolve(dids.get(0)); // 0 is now the most recently used
        cache.resolve(dids.get(2)); // evicts 1
        assertThat(cache.size()).isEqualTo(2);
        assertThat(calls).hasValue(3);
        cache.resolve(dids.get(0));
        assertThat(calls).hasValue(3);
        cache.resolve(dids.get(1));
        assertThat(calls).hasValue(4);

        String bad = "did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F";
        catchThrowableOfType(DidException.class, () -> cache.resolve(bad));
        catchThrowableOfType(DidException.class, () -> cache.resolve(bad));
        assertThat(calls).hasValue(6);
    }
}
