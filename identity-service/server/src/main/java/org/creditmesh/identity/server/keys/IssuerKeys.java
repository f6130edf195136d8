package org.creditmesh.identity.server.keys;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.StatusListPublisher;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's issuer key: Ed25519 in the core's PKCS#12 {@link org.creditmesh.core.keys.FileKeyStore} ({@code <data-dir>/issuer.p12}),
 * created on first start, identified by its {@code did:key}. Also the server secret (32 random bytes in
 * {@code <data-dir>/server-secret}, owner-only) that keys the idempotency hashes and response encryption.
 */
@ApplicationScoped
@Startup
public class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class);
    static final String ALIAS = "issuer";
    static final String KEY_FRAGMENT = "key-1";

    @ConfigProperty(name = "creditmesh.data-dir")
    String dataDir;

    @ConfigProperty(name = "creditmesh.keystore.password")
    String keystorePassword;

    /** The issuer's DID: absent for the key's did:key; a did:web (whose document this service serves) otherwise. */
    @ConfigProperty(name = "creditmesh.issuer.did")
    java.util.Optional<String> issuerDid;

    private java.util.Optional<org.creditmesh.core.did.DidDocument> didWebDocument = java.util.Optional.empty();

    private CredentialIssuer issuer;
    private StatusListPublisher publisher;
    private byte[] secret;
    private SigningKey signingKey;

    @PostConstruct
    void open() {
        try {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            SigningKey key = org.creditmesh.service.keys.ServiceKeys.loadOrCreate(dir.resolve("issuer.p12"),
                    keystorePassword.toCharArray(), ALIAS, KeyType.ED25519);
            if (issuerDid.isPresent()) {
                issuer = didWebIssuer(key, issuerDid.get());
            } else {
                issuer = new CredentialIssuer(key);
            }
            publisher = new StatusListPublisher(issuer, Clock.systemUTC());
            signingKey = key;
            secret = loadOrCreateSecret(dir.resolve("server-secret"));
            LOG.infof("Issuing as %s", issuer.issuer());
        } catch (CreditMeshException e) {
            throw new IllegalStateException("the issuer keystore could not be opened: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the data folder " + dataDir + " is not usable", e);
        }
    }

    private CredentialIssuer didWebIssuer(SigningKey key, String did) throws CreditMeshException {
        org.creditmesh.core.did.Did parsed = org.creditmesh.core.did.Did.parse(did);
        if (!parsed.method().equals("web")) {
            throw new IllegalStateException("creditmesh.issuer.did must be a did:web (or unset for did:key), not " + did);
        }
        String method = did + "#" + KEY_FRAGMENT;
        didWebDocument = java.util.Optional.of(org.creditmesh.core.did.DidDocument.builder(parsed)
                .context(org.creditmesh.core.did.DidSpecs.CONTEXT_DID_V1, org.creditmesh.core.did.DidSpecs.CONTEXT_MULTIKEY_V1)
                .verificationMethod(org.creditmesh.core.did.VerificationMethod.multikey(method, did, key.publicKey()))
                .reference(org.creditmesh.core.did.VerificationRelationship.ASSERTION_METHOD, method)
                .reference(org.creditmesh.core.did.VerificationRelationship.AUTHENTICATION, method)
                .build());
        return new CredentialIssuer(key, did, method);
    }

    /** The did:web document of the issuer, when it is a did:web. */
    public java.util.Optional<org.creditmesh.core.did.DidDocument> didWebDocument() {
        return didWebDocument;
    }

    static byte[] loadOrCreateSecret(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != 32) {
                throw new IOException(file + " must hold exactly 32 bytes");
            }
            return bytes;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Path tmp = Files.createTempFile(file.getParent(), "server-secret", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(tmp, bytes);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return bytes;
    }

    public CredentialIssuer issuer() {
        return issuer;
    }

    public StatusListPublisher statusListPublisher() {
        return publisher;
    }

    /**
     * Signs IETF Token Status List tokens with the issuer key: {@code kid} is the issuer's verification method and
     * {@code iss} its DID, so a verifier accepts the token only as the credential issuer's own (section 11.3).
     */
    public org.creditmesh.core.status.token.StatusListTokenIssuer statusListTokenIssuer(java.time.Duration validity,
                                                                                         java.time.Duration timeToLive) {
        return org.creditmesh.core.status.token.StatusListTokenIssuer.builder(signingKey, issuer.verificationMethod())
                .issuer(issuer.issuer()).validity(validity).timeToLive(timeToLive).build();
    }

    /** The server secret; a copy. */
    public byte[] secret() {
        return secret.clone();
    }
}
