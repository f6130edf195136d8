package org.creditmesh.identity.server.w3c;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.creditmesh.core.dataintegrity.Cryptosuite;
import org.creditmesh.core.dataintegrity.DataIntegritySigner;
import org.creditmesh.core.dataintegrity.ProofOptions;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;

/** An Ed25519 did:key issuer this service never accredited, as the suites' own test issuers are. */
final class ForeignIssuer {

    final SigningKey key = SigningKey.generate(KeyType.ED25519);
    final String did = DidKey.create(key.publicKey()).toString();
    final String method = did + "#" + did.substring("did:key:".length());

    ObjectNode sign(ObjectNode unsigned) throws Exception {
        return new DataIntegritySigner(key).sign(unsigned, ProofOptions.assertion(method, now()));
    }

    ObjectNode signEd25519Signature2020(ObjectNode unsigned) throws Exception {
        return new DataIntegritySigner(key).sign(unsigned,
                ProofOptions.assertion(method, now()).withSuite(Cryptosuite.ED25519_SIGNATURE_2020));
    }

    ObjectNode chain(ObjectNode document, String proofId, List<String> previous) throws Exception {
        return new DataIntegritySigner(key).chain(document, ProofOptions.assertion(method, now()), proofId, previous);
    }

    ObjectNode present(ObjectNode presentation, String challenge, String domain) throws Exception {
        return new DataIntegritySigner(key).sign(presentation, ProofOptions.authentication(method, now(), challenge, domain));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
