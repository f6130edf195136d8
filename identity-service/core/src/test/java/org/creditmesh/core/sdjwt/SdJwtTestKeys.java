package org.creditmesh.core.sdjwt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;

/** Keys and a fixed clock shared by the SD-JWT unit tests. */
final class SdJwtTestKeys {

    static final SigningKey ISSUER = SigningKey.generate(KeyType.ED25519);
    static final SigningKey HOLDER = SigningKey.generate(KeyType.P256);
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private SdJwtTestKeys() {
    }

    static SdJwtVerifier verifier() {
        return SdJwtVerifier.builder(IssuerKeyResolver.fixed(ISSUER.publicKey())).clock(CLOCK).build();
    }
}
