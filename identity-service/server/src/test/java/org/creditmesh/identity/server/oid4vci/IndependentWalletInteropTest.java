package org.creditmesh.identity.server.oid4vci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.VerificationReport;
import org.creditmesh.core.wallet.Oid4vciWallet;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An independent OpenID4VCI 1.0 wallet library, the OpenWallet Foundation's {@code @openid4vc/openid4vci}
 * ({@code interop/oid4vci-wallet.mjs}), receives credentials from this issuer with the pre-authorized code flow and
 * a tx_code; the core verifier then checks what it got and that it is bound to the library's holder key. Skipped
 * with a message when Node.js or the harness ({@code npm ci --prefix interop}) is missing, unless
 * {@code -Dcreditmesh.interop.required=true}.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IndependentWalletInteropTest {

    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @CsvSource({"KycCredential_dc_sd_jwt, ES256", "RepaymentHistoryCredential_jwt_vc_json, EdDSA",
            "KycCredential_jwt_vc_json, ES256"})
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void theOpenWalletFoundationClientReceivesAVerifiableBoundCredential(String configurationId, String alg) throws Exception {
        Path harness = harness();
        JsonNode offer = Oid4vciFlowTest.createOffer(configurationId, true);
        String base = root.toString().replaceAll("/$", "");

        List<String> args = new java.util.ArrayList<>(List.of(offer.path("credential_offer_uri").asText(),
                "--tx-code", offer.path("tx_code").asText(), "--alg", alg,
                "--route", Oid4vciFlowTest.ISSUER + "=" + base));
        boolean jwtVcJson = configurationId.endsWith("jwt_vc_json");
        if (jwtVcJson) {
            args.addAll(List.of("--issuer-jwk", issuerJwk().toString()));
        }

        JsonNode result = run(harness, args);

        assertThat(result.path("issued").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("detectedVersion").asText()).isEqualTo("V1");
        assertThat(result.path("credentialConfigurationId").asText()).isEqualTo(configurationId);
        if (jwtVcJson) {
            // OpenID4VCI 1.0 Appendix A.1.1 as a jwt_vc_json wallet reads it: a VCDM 1.1 JWT, typ JWT, the vc claim's
            // types covering credential_definition.type, signed by the issuer (checked by jose, not by our core).
            JsonNode read = result.path("jwtVcJson");
            assertThat(read.path("problems").isEmpty()).as(read.toString()).isTrue();
            assertThat(read.path("typ").asText()).isEqualTo("JWT");
            assertThat(read.path("signatureVerified").asBoolean()).isTrue();
            assertThat(read.path("vcContext").get(0).asText()).isEqualTo("https://www.w3.org/2018/credentials/v1");
            assertThat(read.path("definitionTypes").toString())
                    .isEqualTo("[\"VerifiableCredential\",\"" + configurationId.substring(0, configurationId.indexOf('_')) + "\"]");
        }
        String credential = result.path("credentials").get(0).asText();
        Oid4vciWallet router = Oid4vciWallet.builder(SigningKey.generate(KeyType.ED25519))
                .route(u -> u.toString().startsWith(Oid4vciFlowTest.ISSUER)
                        ? URI.create(base + u.toString().substring(Oid4vciFlowTest.ISSUER.length())) : u)
                .build();
        VerificationReport report = CredentialVerifier.builder().statusFetcher(router.statusListFetcher())
                .tokenStatusFetcher(router.statusListTokenFetcher()).build().verify(credential);
        assertThat(report.verified()).as(report.toJson().toString()).isTrue();
        VerificationKey holder = VerificationKey.parseJwk(Json.write(result.path("holderPublicJwk")));
        JsonNode claims = report.claims().orElseThrow();
        if (configurationId.endsWith("sd_jwt")) {
            assertThat(VerificationKey.parseJwk(Json.write(claims.path("cnf").path("jwk")))).isEqualTo(holder);
        } else {
            assertThat(claims.path("credentialSubject").path("id").asText()).isEqualTo(DidJwk.create(holder).toString());
        }
    }

    /** The service's issuer key as a public JWK file, from its did:key (the test profile's issuer). */
    private static Path issuerJwk() throws Exception {
        String did = keys().issuer().issuer();
        assertThat(did).as("this test reads the issuer key from a did:key").startsWith("did:key:");
        Path file = Files.createTempFile("issuer", ".jwk");
        file.toFile().deleteOnExit();
        Files.writeString(file, DidKey.publicKey(did).toJwk().toJSONString());
        return file;
    }

    private static org.creditmesh.identity.server.keys.IssuerKeys keys() {
        return io.quarkus.arc.Arc.container().instance(org.creditmesh.identity.server.keys.IssuerKeys.class).get();
    }

    private static Path harness() {
        boolean required = Boolean.getBoolean("creditmesh.interop.required");
        Path repo = Optional.ofNullable(System.getProperty("creditmesh.repo.dir")).map(Path::of)
                .orElse(Path.of("").toAbsolutePath().getParent().getParent());
        Path script = repo.resolve("interop/oid4vci-wallet.mjs");
        String missing = null;
        if (!Files.isRegularFile(script)) {
            missing = "no " + script;
        } else if (!Files.isDirectory(repo.resolve("interop/node_modules/@openid4vc/openid4vci"))) {
            missing = "the interop harness is not installed (npm ci --prefix interop)";
        } else if (!nodeAvailable()) {
            missing = "no node on the PATH";
        }
        if (missing != null) {
            if (required) {
                Assertions.fail("independent OpenID4VCI wallet unavailable: " + missing);
            }
            Assumptions.abort("independent OpenID4VCI wallet skipped: " + missing);
        }
        return script;
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode run(Path script, List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("node", script.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).start();
        // stderr is drained in the background so a chatty library cannot block the pipe.
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.complete(e.toString());
            }
        });
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the wallet script finished").isTrue();
        assertThat(process.exitValue()).as("exit code; stdout: %s; stderr: %s", stdout, stderr.get()).isZero();
        return Json.parse(stdout);
    }
}
