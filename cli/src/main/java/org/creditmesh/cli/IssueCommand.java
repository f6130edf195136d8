package org.creditmesh.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.issuer.ClaimPaths;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.StatusListPublisher;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.status.StatusSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "issue", mixinStandardHelpOptions = true,
        description = "Sign an unsigned VCDM 2.0 credential (JSON) as vc+jwt, SD-JWT VC or Data Integrity.")
final class IssueCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, converter = Formats.Converter.class,
            description = "jwt (vc+jwt), sd-jwt (dc+sd-jwt) or di (eddsa-rdfc-2022)")
    Formats.Format format;

    @Option(names = "--credential", required = true, paramLabel = "FILE.json", description = "the unsigned credential")
    Path credential;

    @Option(names = "--key", paramLabel = "KEYFILE", description = "issuer's private JWK file (default: the keystore's default Ed25519 key)")
    Path keyFile;

    @Option(names = "--name", description = "issuer key by name in the keystore")
    String keyName;

    @Option(names = "--disclose", split = ",", paramLabel = "CLAIM",
            description = "sd-jwt: subject claims the holder may withhold (dot paths, e.g. ageBand,employment.employmentType)")
    List<String> disclose = List.of();

    @Option(names = "--holder", paramLabel = "DID", description = "sd-jwt: bind to this holder (did:key or did:jwk) for key binding")
    String holder;

    @Option(names = "--status-list", paramLabel = "LISTFILE",
            description = "jwt/di: add a revocation entry at a fresh random index of this list (see 'status create')")
    Path statusList;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the signed credential")
    Path out;

    @Override
    public Integer call() throws Exception {
        SigningKey key = Keys.signingKey(keyFile, keyName);
        CredentialIssuer issuer = new CredentialIssuer(key);
        ObjectNode unsigned = Json.parseObject(CredentialFiles.read(credential));
        if (statusList != null) {
            if (format.securing() == org.creditmesh.core.verifier.SecuringFormat.SD_JWT) {
                System.err.println("error [usage]: --status-list adds a Bitstring Status List entry, which SD-JWT VCs do not carry");
                return 2;
            }
            int index = StatusLists.allocate(statusList);
            unsigned.set("credentialStatus", StatusListPublisher.entry(StatusLists.url(statusList),
                    StatusSpecs.PURPOSE_REVOCATION, index));
        }
        CredentialIssuer.Options options = CredentialIssuer.Options.defaults()
                .withDisclosable(ClaimPaths.parseAll(disclose));
        if (holder != null) {
            options = options.withHolderKey(holderKey(holder));
        }
        String issued = issuer.issue(unsigned, format.securing(), options);
        CredentialFiles.write(out, issued);
        System.out.println("issued " + format + " credential by " + issuer.issuer() + " -> " + out);
        return 0;
    }

    static VerificationKey holderKey(String did) throws Exception {
        if (did.startsWith("did:key:")) {
            return DidKey.publicKey(did);
        }
        if (did.startsWith("did:jwk:")) {
            return DidJwk.publicKey(did);
        }
        throw new org.creditmesh.core.issuer.IssuerException(org.creditmesh.core.issuer.IssuerError.HOLDER_KEY_REQUIRED,
                "--holder takes a did:key or did:jwk, resolvable offline");
    }
}
