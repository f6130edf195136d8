package org.creditmesh.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditmesh.core.issuer.ClaimPaths;
import org.creditmesh.core.issuer.CredentialPresenter;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.verifier.Challenge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "present", mixinStandardHelpOptions = true,
        description = "Present a credential to a verifier: bound to its nonce and audience, signed with the holder's key;"
                + " for SD-JWT only the claims named with --disclose are revealed.")
final class PresentCommand implements Callable<Integer> {

    @Option(names = "--credential", required = true, paramLabel = "FILE", description = "the credential as issued")
    Path credential;

    @Option(names = "--disclose", split = ",", paramLabel = "CLAIM", description = "sd-jwt: the claims to reveal (dot paths)")
    List<String> disclose = List.of();

    @Option(names = "--key", paramLabel = "KEYFILE", description = "holder's private JWK file (default: the keystore's default key)")
    Path keyFile;

    @Option(names = "--name", description = "holder key by name in the keystore")
    String keyName;

    @Option(names = "--nonce", required = true, description = "the verifier's nonce (challenge)")
    String nonce;

    @Option(names = "--audience", required = true, description = "the verifier's identifier (aud / domain)")
    String audience;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() throws Exception {
        SigningKey holderKey = Keys.signingKey(keyFile, keyName);
        CredentialPresenter presenter = new CredentialPresenter(holderKey, Clock.systemUTC());
        String presentation = presenter.present(CredentialFiles.read(credential), ClaimPaths.parseAll(disclose),
                new Challenge(nonce, audience));
        CredentialFiles.write(out, presentation);
        System.out.println("presented as " + presenter.holder() + " to " + audience
                + (disclose.isEmpty() ? "" : ", disclosing " + String.join(", ", disclose)) + " -> " + out);
        return 0;
    }
}
