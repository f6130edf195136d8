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
import org.creditmesh.core.keys.FileKeyStore;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's issuer key: Ed25519 in the core's PKCS#12 {@link FileKeyStore} ({@code <data-dir>/issuer.p12}),
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
    private SigningKey signingKey;
    private final java.util.Map<String, CredentialIssuer> bureauIssuers = new java.util.concurrent.ConcurrentHashMap<>();
    private StatusListPublisher publisher;
    private byte[] secret;

    @PostConstruct
    void open() {
        try {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            FileKeyStore store = FileKeyStore.open(dir.resolve("issuer.p12"), keystorePassword.toCharArray());
            SigningKey key;
            if (store.list().contains(ALIAS)) {
                key = store.load(ALIAS);
            } else {
                key = SigningKey.generate(KeyType.ED25519);
                store.store(ALIAS, key);
                LOG.infof("Created the issuer key in %s", store.file());
            }
            signingKey = key;
            if (issuerDid.isPresent()) {
                issuer = didWebIssuer(key, issuerDid.get());
            } else {
                issuer = new CredentialIssuer(key);
            }
            publisher = new StatusListPublisher(issuer, Clock.systemUTC());
            secret = loadOrCreateSecret(dir.resolve("server-secret"));
            LOG.infof("Issuing as %s", issuer.issuer());
        } catch (CreditMeshException e) {
            throw new IllegalStateException("the issuer keystore could not be opened: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the data folder " + dataDir + " is not usable", e);
        }
    }

    private CredentialIssuer didWebIssuer(SigningKey key, String did) throws CreditMeshException {
        DidWebIssuer made = didWebIdentity(key, did);
        didWebDocument = java.util.Optional.of(made.document());
        return made.issuer();
    }

    private record DidWebIssuer(CredentialIssuer issuer, org.creditmesh.core.did.DidDocument document) {
    }

    private static DidWebIssuer didWebIdentity(SigningKey key, String did) throws CreditMeshException {
        org.creditmesh.core.did.Did parsed = org.creditmesh.core.did.Did.parse(did);
        if (!parsed.method().equals("web")) {
            throw new IllegalStateException("creditmesh.issuer.did must be a did:web (or unset for did:key), not " + did);
        }
        String method = did + "#" + KEY_FRAGMENT;
        org.creditmesh.core.did.DidDocument document = org.creditmesh.core.did.DidDocument.builder(parsed)
                .context(org.creditmesh.core.did.DidSpecs.CONTEXT_DID_V1, org.creditmesh.core.did.DidSpecs.CONTEXT_MULTIKEY_V1)
                .verificationMethod(org.creditmesh.core.did.VerificationMethod.multikey(method, did, key.publicKey()))
                .reference(org.creditmesh.core.did.VerificationRelationship.ASSERTION_METHOD, method)
                .reference(org.creditmesh.core.did.VerificationRelationship.AUTHENTICATION, method)
                .build();
        return new DidWebIssuer(new CredentialIssuer(key, did, method), document);
    }

    /**
     * An issuer that signs with the service's issuer key as {@code did} (a bureau's own did:web, registered with its
     * organisation), verification method {@code did#key-1}. Its DID document, which {@link #didWebDocumentFor} makes,
     * must be served where did:web resolves it for verifiers to find the key.
     */
    public CredentialIssuer issuerFor(String did) {
        return bureauIssuers.computeIfAbsent(did, d -> {
            try {
                return didWebIdentity(signingKey, d).issuer();
            } catch (CreditMeshException e) {
                throw new IllegalArgumentException("not a usable did:web: " + d, e);
            }
        });
    }

    /** The DID document of a bureau's {@link #issuerFor issuer DID}. */
    public org.creditmesh.core.did.DidDocument didWebDocumentFor(String did) {
        try {
            return didWebIdentity(signingKey, did).document();
        } catch (CreditMeshException e) {
            throw new IllegalArgumentException("not a usable did:web: " + did, e);
        }
    }

    /** The did:web document of the issuer, when it is a did:web. */
    public java.util.Optional<org.creditmesh.core.did.DidDocument> didWebDocument() {
        return didWebDocument;
    }

    private static byte[] loadOrCreateSecret(Path file) throws IOException {
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

    /** The server secret; a copy. */
    public byte[] secret() {
        return secret.clone();
    }
}
