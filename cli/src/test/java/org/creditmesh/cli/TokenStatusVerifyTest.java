package org.creditmesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.status.token.StatusListTokenIssuer;
import org.creditmesh.core.status.token.StatusReference;
import org.creditmesh.core.status.token.TokenStatusList;
import org.creditmesh.core.verifier.SecuringFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --status-list-token}: an SD-JWT VC naming an IETF Token Status List (draft-ietf-oauth-status-list,
 * section 6.1 {@code status.status_list}) is checked against a Status List Token file, found by its {@code sub}.
 */
class TokenStatusVerifyTest {

    private static final String URI = "https://bureau.example/status-lists/1";
    private static final int INDEX = 7;

    @TempDir
    Path work;

    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    private final SigningKey key = SigningKey.generate(KeyType.ED25519);
    private final CredentialIssuer issuer = new CredentialIssuer(key);

    private Path credential() throws Exception {
        Path template = work.resolve("kyc.json");
        assertThat(cli.run("template", "kyc", "--out", template.toString())).isZero();
        var unsigned = Json.parseObject(Files.readAllBytes(template));
        unsigned.put("issuer", issuer.issuer());
        String sdJwt = issuer.issue(unsigned, SecuringFormat.SD_JWT,
                CredentialIssuer.Options.defaults().withTokenStatus(new StatusReference(INDEX, URI)));
        Path file = work.resolve("kyc.sd-jwt");
        Files.writeString(file, sdJwt);
        return file;
    }

    private Path token(int statusAtIndex) throws Exception {
        TokenStatusList list = TokenStatusList.create(1024, 2).with(INDEX, statusAtIndex);
        String token = StatusListTokenIssuer.builder(key, issuer.verificationMethod()).build().issue(URI, list).compact();
        Path file = work.resolve("status-" + statusAtIndex + ".jwt");
        Files.writeString(file, token);
        return file;
    }

    @Test
    void aValidEntryVerifiesAndARevokedOneDoesNot() throws Exception {
        Path credential = credential();
        assertThat(cli.run("verify", credential.toString(), "--status-list-token", token(0).toString()))
                .as(cli.out() + cli.err()).isZero();
        assertThat(cli.run("verify", credential.toString(), "--status-list-token", token(1).toString())).isEqualTo(1);
        assertThat(cli.out()).contains("revoked");
    }

    @Test
    void withoutTheTokenTheStatusIsUnavailableNotAssumedValid() throws Exception {
        assertThat(cli.run("verify", credential().toString())).isEqualTo(1);
        assertThat(cli.out()).contains("status_unavailable");
    }

    @Test
    void aFileThatIsNotAStatusListTokenIsRefused() throws Exception {
        Path junk = work.resolve("junk.jwt");
        Files.writeString(junk, "not.a-token");
        assertThat(cli.run("verify", credential().toString(), "--status-list-token", junk.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("error [invalid_status_list_token]");
    }
}
