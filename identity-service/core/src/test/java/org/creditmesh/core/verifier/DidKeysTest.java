package org.creditmesh.core.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditmesh.core.did.Did;
import org.creditmesh.core.did.DidDocument;
import org.creditmesh.core.did.DidError;
import org.creditmesh.core.did.DidException;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.did.DidResolver;
import org.creditmesh.core.did.VerificationMethod;
import org.creditmesh.core.did.VerificationRelationship;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.sdjwt.IssuerKeyResolver;
import org.creditmesh.core.sdjwt.SdJwtError;
import org.creditmesh.core.sdjwt.SdJwtException;
import org.junit.jupiter.api.Test;

/** DID Core 1.0 section 5.3 lookups behind the three formats, and the cache of deterministic DIDs' keys. */
class DidKeysTest {

    private final VerificationKey key = SigningKey.generate(KeyType.ED25519).publicKey();
    private final String didKey = DidKey.create(key).toString();
    private final String didKeyMethod = didKey + "#" + key.toMultikey();

    /** Counts how often the DID layer is asked. */
    private static final class CountingResolver implements DidResolver {
        private final DidResolver delegate;
        private final AtomicInteger calls = new AtomicInteger();

        CountingResolver(DidResolver delegate) {
            this.delegate = delegate;
        }

        @Override
        public DidDocument resolve(String did) throws DidException {
            calls.incrementAndGet();
            return delegate.resolve(did);
        }
    }

    @Test
    void resolvesADidKeyMethodOnceAndThenServesItsKeyFromTheCache() throws DidException {
        CountingResolver resolver = new CountingResolver(CredentialVerifier.offlineDidResolver());
        DidKeys keys = new DidKeys(resolver);

        for (int i = 0; i < 3; i++) {
            assertThat(keys.resolve(didKeyMethod, VerificationRelationship.ASSERTION_METHOD)).isEqualTo(key);
        }
        assertThat(resolver.calls).hasValue(1);
    }

    @Test
    void keyAgreementIsStillRefusedForADidKeyMethodCachedAsAnAssertionMethod() throws DidException {
        DidKeys keys = new DidKeys(CredentialVerifier.offlineDidResolver());
        keys.resolve(didKeyMethod, VerificationRelationship.ASSERTION_METHOD);

        assertThatThrownBy(() -> keys.resolve(didKeyMethod, VerificationRelationship.KEY_AGREEMENT))
                .isInstanceOfSatisfying(DidException.class,
                        e -> assertThat(e.code()).isEqualTo(DidError.VERIFICATION_METHOD_NOT_FOUND));
    }

    @Test
    void anSdJwtKidOfAnotherDidIsRefusedAlsoWhenItsKeyIsCached() throws Exception {
        DidKeys keys = new DidKeys(CredentialVerifier.offlineDidResolver());
        IssuerKeyResolver sdJwt = keys.forSdJwt();
        assertThat(sdJwt.resolve(Optional.of(didKey), Optional.of(didKeyMethod))).isEqualTo(key);

        String otherIssuer = DidKey.create(SigningKey.generate(KeyType.ED25519).publicKey()).toString();
        assertThatThrownBy(() -> sdJwt.resolve(Optional.of(otherIssuer), Optional.of(didKeyMethod)))
                .isInstanceOfSatisfying(SdJwtException.class,
                        e -> assertThat(e.code()).isEqualTo(SdJwtError.UNKNOWN_ISSUER_KEY));
        assertThat(sdJwt.resolve(Optional.of(didKey), Optional.of(didKeyMethod))).isEqualTo(key);
    }

    @Test
    void resolvesADidWebMethodEveryTimeBecauseItsDocumentCanChange() throws DidException {
        String didWeb = "did:web:issuer.example";
        String methodId = didWeb + "#key-1";
        CountingResolver resolver = new CountingResolver(did -> DidDocument.builder(Did.parse(did))
                .verificationMethod(VerificationMethod.multikey(methodId, didWeb, key))
                .reference(VerificationRelationship.ASSERTION_METHOD, methodId)
                .build());
        DidKeys keys = new DidKeys(resolver);

        keys.resolve(methodId, VerificationRelationship.ASSERTION_METHOD);
        keys.resolve(methodId, VerificationRelationship.ASSERTION_METHOD);

        assertThat(resolver.calls).hasValue(2);
    }

    @Test
    void aMalformedDidUrlIsATypedErrorAndIsNotCached() {
        DidKeys keys = new DidKeys(CredentialVerifier.offlineDidResolver());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> keys.resolve("did:key:not-base58!#x", VerificationRelationship.ASSERTION_METHOD))
                    .isInstanceOf(DidException.class);
        }
        assertThatThrownBy(() -> keys.resolve(null, VerificationRelationship.ASSERTION_METHOD))
                .isInstanceOf(DidException.class);
    }
}
