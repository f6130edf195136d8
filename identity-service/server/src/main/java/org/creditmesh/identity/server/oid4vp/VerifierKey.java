package org.creditmesh.identity.server.oid4vp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.did.DidSpecs;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.FileKeyStore;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.wallet.Oid4vpSpecs;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The key this service signs OpenID4VP request objects with, for every lender: P-256 (ES256, the algorithm
 * wallets are required to support, e.g. by the HAIP profile) in its own PKCS#12 file {@code <data-dir>/verifier.p12},
 * created on first start, apart from the issuer key (a verifier key is not an issuer key).
 *
 * <p>The verifier's Client Identifier is {@code decentralized_identifier:<did:jwk of the key>} (OpenID4VP 1.0
 * section 5.9.3): the wallet resolves the DID itself, offline, and checks the request object's signature against
 * the key the {@code kid} (a DID URL of that DID) names. {@code redirect_uri:} requests cannot be signed, and
 * {@code x509_san_dns:} needs a certificate from a CA the wallet trusts, which the embedded default has not.
 */
@ApplicationScoped
@Startup
public class VerifierKey {

    private static final Logger LOG = Logger.getLogger(VerifierKey.class);
    static final String ALIAS = "verifier";

    @ConfigProperty(name = "creditmesh.data-dir")
    String dataDir;

    @ConfigProperty(name = "creditmesh.keystore.password")
    String keystorePassword;

    private SigningKey key;
    private String did;
    private String kid;

    @PostConstruct
    void open() {
        try {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            FileKeyStore store = FileKeyStore.open(dir.resolve("verifier.p12"), keystorePassword.toCharArray());
            if (store.list().contains(ALIAS)) {
                key = store.load(ALIAS);
            } else {
                key = SigningKey.generate(KeyType.P256);
                store.store(ALIAS, key);
                LOG.infof("Created the OpenID4VP verifier key in %s", store.file());
            }
            did = DidJwk.create(key.publicKey()).toString();
            kid = did + "#" + DidSpecs.DID_JWK_FRAGMENT;
        } catch (CreditMeshException e) {
            throw new IllegalStateException("the verifier keystore could not be opened: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the data folder " + dataDir + " is not usable", e);
        }
    }

    /** The verifier's DID (did:jwk). */
    public String did() {
        return did;
    }

    /** The Client Identifier wallets see, prefix included; also the {@code aud} of every KB-JWT. */
    public String clientId() {
        return Oid4vpSpecs.PREFIX_DECENTRALIZED_IDENTIFIER + ":" + did;
    }

    /** Signs {@code claims} as a request object: {@code typ: oauth-authz-req+jwt}, {@code kid} the DID URL of the key. */
    String signRequestObject(ObjectNode claims) {
        JWSHeader header = new JWSHeader.Builder(key.type().jwsAlgorithm())
                .type(new JOSEObjectType(Oid4vpSpecs.TYP_REQUEST_OBJECT)).keyID(kid).build();
        JWSObject jws = new JWSObject(header, new Payload(Json.write(claims)));
        try {
            jws.sign(new KeyJwsSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing the request object failed", e);
        }
        return jws.serialize();
    }

    /** The public key as a JWK Set (RFC 7517 section 5), for verifiers of request objects that prefer JWKS to DIDs. */
    ObjectNode jwks() {
        Map<String, Object> jwk = new java.util.TreeMap<>(key.publicKey().toJwk().toJSONObject());
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", key.type().jwsAlgorithm().getName());
        ObjectNode out = Json.mapper().createObjectNode();
        out.putArray("keys").add(Json.toNode(jwk));
        return out;
    }
}
