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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.creditmesh.core.did.Did;
import org.creditmesh.core.did.DidDocument;
import org.creditmesh.core.did.DidSpecs;
import org.creditmesh.core.did.VerificationMethod;
import org.creditmesh.core.did.VerificationRelationship;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.StatusListPublisher;
import org.creditmesh.core.keys.FileKeyStore;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's issuers and their Ed25519 keys in the core's PKCS#12 {@link FileKeyStore}
 * ({@code <data-dir>/issuer.p12}), created on first start:
 * <ul>
 *   <li>{@value #DEFAULT}: signs the credentials of {@code POST /credentials/issue} and the status lists;</li>
 *   <li>{@value #GOVERNANCE}: signs the trust registry's {@code BureauAccreditationCredential}s.</li>
 * </ul>
 * An issuer is the {@code did:key} of its first key, or a did:web whose document this service serves. A did:web
 * issuer's keys can be rotated: key {@code n} is stored under {@code <alias>.key-n} (the first under {@code <alias>}),
 * its verification method is {@code <did>#key-n}, the newest signs, and the document lists them all so that what
 * older keys signed keeps verifying. Everything is read back from the keystore on start, so rotation survives restarts.
 * Also the server secret (32 random bytes in {@code <data-dir>/server-secret}, owner-only) that keys the idempotency
 * hashes and response encryption.
 */
@ApplicationScoped
@Startup
public class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class);
    static final String ALIAS = "issuer";
    /** The issuer of credentials and status lists. */
    public static final String DEFAULT = "default";
    /** The trust registry's issuer of accreditation credentials. */
    public static final String GOVERNANCE = "governance";

    @ConfigProperty(name = "creditmesh.data-dir")
    String dataDir;

    @ConfigProperty(name = "creditmesh.keystore.password")
    String keystorePassword;

    /** The issuer's DID: absent for the key's did:key; a did:web (whose document this service serves) otherwise. */
    @ConfigProperty(name = "creditmesh.issuer.did")
    Optional<String> issuerDid;

    /**
     * The governance issuer's DID: absent for {@code <issuer did>:issuers:governance} when the issuer is a did:web,
     * or for the did:key of its own key otherwise.
     */
    @ConfigProperty(name = "creditmesh.governance.did")
    Optional<String> governanceDid;

    private FileKeyStore store;
    private final Map<String, ManagedIssuer> issuers = new LinkedHashMap<>();
    private volatile StatusListPublisher publisher;
    /** Bureaus' own did:web issuers (see {@link #issuerFor}), made on first use. */
    private final Map<String, DidWebIssuer> bureauIssuers = new java.util.concurrent.ConcurrentHashMap<>();
    private byte[] secret;

    /** One issuer: its DID (did:web) or none (did:key), and its keys by number. */
    private static final class ManagedIssuer {
        final String name;
        final String alias;
        final Optional<String> webDid;
        final TreeMap<Integer, SigningKey> keys = new TreeMap<>();
        volatile CredentialIssuer current;
        /** The key {@link #current} signs with. */
        volatile SigningKey currentKey;
        volatile Optional<DidDocument> document = Optional.empty();

        ManagedIssuer(String name, String alias, Optional<String> webDid) {
            this.name = name;
            this.alias = alias;
            this.webDid = webDid;
        }
    }

    /** What a rotation did. */
    public record Rotation(String issuer, String did, String previousVerificationMethod, String verificationMethod) {
    }

    @PostConstruct
    void open() {
        try {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            store = FileKeyStore.open(dir.resolve("issuer.p12"), keystorePassword.toCharArray());
            Optional<String> defaultWeb = issuerDid.map(d -> requireWeb("creditmesh.issuer.did", d));
            Optional<String> governanceWeb = governanceDid.map(d -> requireWeb("creditmesh.governance.did", d))
                    .or(() -> defaultWeb.map(d -> d + ":issuers:" + GOVERNANCE));
            load(new ManagedIssuer(DEFAULT, ALIAS, defaultWeb));
            load(new ManagedIssuer(GOVERNANCE, GOVERNANCE, governanceWeb));
            publisher = new StatusListPublisher(issuer(), Clock.systemUTC());
            secret = loadOrCreateSecret(dir.resolve("server-secret"));
            LOG.infof("Issuing as %s (key %s); accrediting as %s", issuer().issuer(), issuer().verificationMethod(),
                    governance().issuer());
        } catch (CreditMeshException e) {
            throw new IllegalStateException("the issuer keystore could not be opened: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the data folder " + dataDir + " is not usable", e);
        }
    }

    private static String requireWeb(String property, String did) {
        try {
            if (!Did.parse(did).method().equals("web")) {
                throw new IllegalStateException(property + " must be a did:web (or unset for did:key), not " + did);
            }
        } catch (CreditMeshException e) {
            throw new IllegalStateException(property + " is not a DID: " + e.getMessage(), e);
        }
        return did;
    }

    private void load(ManagedIssuer managed) throws CreditMeshException {
        List<String> aliases = store.list();
        if (!aliases.contains(managed.alias)) {
            store.store(managed.alias, SigningKey.generate(KeyType.ED25519));
            LOG.infof("Created the %s issuer key in %s", managed.name, store.file());
        }
        managed.keys.put(1, store.load(managed.alias));
        String prefix = managed.alias + ".key-";
        for (String alias : aliases) {
            if (alias.startsWith(prefix) && alias.substring(prefix.length()).matches("[1-9][0-9]{0,8}")) {
                managed.keys.put(Integer.parseInt(alias.substring(prefix.length())), store.load(alias));
            }
        }
        publish(managed);
        issuers.put(managed.name, managed);
    }

    /** Makes the newest key the signing key and rebuilds the did:web document from all keys. */
    private static void publish(ManagedIssuer managed) throws CreditMeshException {
        Map.Entry<Integer, SigningKey> newest = managed.keys.lastEntry();
        if (managed.webDid.isEmpty()) {
            managed.currentKey = managed.keys.firstEntry().getValue();
            managed.current = new CredentialIssuer(managed.currentKey);
            return;
        }
        String did = managed.webDid.get();
        DidDocument.Builder document = DidDocument.builder(Did.parse(did))
                .context(DidSpecs.CONTEXT_DID_V1, DidSpecs.CONTEXT_MULTIKEY_V1);
        for (Map.Entry<Integer, SigningKey> key : managed.keys.entrySet()) {
            String method = did + "#key-" + key.getKey();
            document.verificationMethod(VerificationMethod.multikey(method, did, key.getValue().publicKey()))
                    .reference(VerificationRelationship.ASSERTION_METHOD, method)
                    .reference(VerificationRelationship.AUTHENTICATION, method);
        }
        managed.document = Optional.of(document.build());
        managed.currentKey = newest.getValue();
        managed.current = new CredentialIssuer(newest.getValue(), did, did + "#key-" + newest.getKey());
    }

    /**
     * Creates a new key for the issuer {@code name} ({@value #DEFAULT} or {@value #GOVERNANCE}), stores it in the
     * keystore and signs with it from now on; the DID document keeps listing the older keys.
     */
    public synchronized Rotation rotate(String name) {
        ManagedIssuer managed = issuers.get(name);
        if (managed == null) {
            throw new ProblemException(IdentityProblem.ISSUER_NOT_FOUND, "no issuer '" + name + "'; issuers are " + issuers.keySet());
        }
        if (managed.webDid.isEmpty()) {
            throw new ProblemException(IdentityProblem.KEY_ROTATION_UNSUPPORTED,
                    "issuer '" + name + "' is a did:key, which is its key; configure a did:web to rotate keys");
        }
        String previous = managed.current.verificationMethod();
        int next = managed.keys.lastKey() + 1;
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        try {
            // Stored before it is used: a crash after this line leaves a listed key that signed nothing yet.
            store.store(managed.alias + ".key-" + next, key);
            managed.keys.put(next, key);
            publish(managed);
        } catch (CreditMeshException e) {
            managed.keys.remove(next);
            throw new IllegalStateException("the rotated key could not be stored: " + e.getMessage(), e);
        }
        if (managed.name.equals(DEFAULT)) {
            publisher = new StatusListPublisher(managed.current, Clock.systemUTC());
        }
        LOG.infof("Rotated the %s issuer key: %s -> %s", name, previous, managed.current.verificationMethod());
        return new Rotation(name, managed.current.issuer(), previous, managed.current.verificationMethod());
    }

    private record DidWebIssuer(CredentialIssuer issuer, SigningKey key, org.creditmesh.core.did.DidDocument document) {
    }

    private static DidWebIssuer didWebIdentity(SigningKey key, String did) throws CreditMeshException {
        org.creditmesh.core.did.Did parsed = org.creditmesh.core.did.Did.parse(did);
        if (!parsed.method().equals("web")) {
            throw new IllegalStateException("creditmesh.issuer.did must be a did:web (or unset for did:key), not " + did);
        }
        String method = did + "#key-1";
        org.creditmesh.core.did.DidDocument document = org.creditmesh.core.did.DidDocument.builder(parsed)
                .context(org.creditmesh.core.did.DidSpecs.CONTEXT_DID_V1, org.creditmesh.core.did.DidSpecs.CONTEXT_MULTIKEY_V1)
                .verificationMethod(org.creditmesh.core.did.VerificationMethod.multikey(method, did, key.publicKey()))
                .reference(org.creditmesh.core.did.VerificationRelationship.ASSERTION_METHOD, method)
                .reference(org.creditmesh.core.did.VerificationRelationship.AUTHENTICATION, method)
                .build();
        return new DidWebIssuer(new CredentialIssuer(key, did, method), key, document);
    }

    /**
     * An issuer that signs with the service's current issuer key as {@code did} (a bureau's own did:web, registered
     * with its organisation), verification method {@code did#key-1}; {@link #didWebDocumentFor} is its DID document,
     * which must be served where did:web resolves it. Made once per DID and process, so a rotation of the service's
     * key does not change a bureau DID in use; after a rotation and a restart it takes the newer key (known gap:
     * bureau DIDs do not yet list older keys).
     */
    public CredentialIssuer issuerFor(String did) {
        return bureauIdentity(did).issuer();
    }

    /** The DID document of a bureau's {@link #issuerFor issuer DID}. */
    public org.creditmesh.core.did.DidDocument didWebDocumentFor(String did) {
        return bureauIdentity(did).document();
    }

    private DidWebIssuer bureauIdentity(String did) {
        return bureauIssuers.computeIfAbsent(did, d -> {
            try {
                return didWebIdentity(issuers.get(DEFAULT).currentKey, d);
            } catch (CreditMeshException e) {
                throw new IllegalArgumentException("not a usable did:web: " + d, e);
            }
        });
    }

    /** The did:web document of the issuer, when it is a did:web. */
    public Optional<DidDocument> didWebDocument() {
        return issuers.get(DEFAULT).document;
    }

    /** The did:web document of any of this service's issuers, by DID. */
    public Optional<DidDocument> ownDocument(String did) {
        for (ManagedIssuer managed : issuers.values()) {
            if (managed.webDid.isPresent() && managed.webDid.get().equals(did)) {
                return managed.document;
            }
        }
        return Optional.empty();
    }

    /** The issuers' names and current signers. */
    public Map<String, CredentialIssuer> issuers() {
        Map<String, CredentialIssuer> out = new LinkedHashMap<>();
        issuers.forEach((name, managed) -> out.put(name, managed.current));
        return out;
    }

    /** The verification method ids of an issuer's keys, oldest first. */
    public List<String> verificationMethods(String name) {
        ManagedIssuer managed = issuers.get(name);
        List<String> out = new ArrayList<>();
        if (managed != null && managed.webDid.isPresent()) {
            managed.keys.keySet().forEach(n -> out.add(managed.webDid.get() + "#key-" + n));
        } else if (managed != null) {
            out.add(managed.current.verificationMethod());
        }
        return out;
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

    /** The signer of credentials and status lists (its newest key). */
    public CredentialIssuer issuer() {
        return issuers.get(DEFAULT).current;
    }

    /** The signer of accreditation credentials (its newest key). */
    public CredentialIssuer governance() {
        return issuers.get(GOVERNANCE).current;
    }

    public StatusListPublisher statusListPublisher() {
        return publisher;
    }

    /**
     * The signer of the Bitstring Status Lists of {@code bureauDid}'s credentials (its {@link #issuerFor issuer}), or
     * of the service's issuer when absent: a verifier accepts a list only from the credential's own issuer.
     */
    public StatusListPublisher statusListPublisher(Optional<String> bureauDid) {
        return bureauDid.map(did -> new StatusListPublisher(issuerFor(did), Clock.systemUTC())).orElse(publisher);
    }

    /**
     * Signs IETF Token Status List tokens with the issuer key: {@code kid} is the issuer's verification method and
     * {@code iss} its DID, so a verifier accepts the token only as the credential issuer's own (section 11.3).
     */
    public org.creditmesh.core.status.token.StatusListTokenIssuer statusListTokenIssuer(java.time.Duration validity,
                                                                                         java.time.Duration timeToLive) {
        return statusListTokenIssuer(Optional.empty(), validity, timeToLive);
    }

    /** As {@link #statusListTokenIssuer(java.time.Duration, java.time.Duration)}, as {@code bureauDid} when present. */
    public org.creditmesh.core.status.token.StatusListTokenIssuer statusListTokenIssuer(Optional<String> bureauDid,
                                                                                         java.time.Duration validity,
                                                                                         java.time.Duration timeToLive) {
        SigningKey key;
        CredentialIssuer current;
        if (bureauDid.isPresent()) {
            DidWebIssuer bureau = bureauIdentity(bureauDid.get());
            key = bureau.key();
            current = bureau.issuer();
        } else {
            ManagedIssuer managed = issuers.get(DEFAULT);
            // Read once: a concurrent rotation must not pair one key with another key's verification method.
            synchronized (this) {
                key = managed.currentKey;
                current = managed.current;
            }
        }
        return org.creditmesh.core.status.token.StatusListTokenIssuer.builder(key, current.verificationMethod())
                .issuer(current.issuer()).validity(validity).timeToLive(timeToLive).build();
    }

    /** The server secret; a copy. */
    public byte[] secret() {
        return secret.clone();
    }
}
