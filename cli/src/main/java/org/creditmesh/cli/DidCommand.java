package org.creditmesh.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditmesh.core.did.CompositeDidResolver;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.did.HttpDidWebFetcher;
import org.creditmesh.core.keys.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "did", description = "Create and resolve DIDs (did:key, did:jwk, did:web).", mixinStandardHelpOptions = true,
        subcommands = {DidCommand.Create.class, DidCommand.Resolve.class})
final class DidCommand {

    enum Method { key, jwk }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Print the DID of a key.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--method", defaultValue = "key", description = "key (default) or jwk")
        Method method;

        @Option(names = "--key", description = "a private JWK file (default: the keystore's default key)")
        Path keyFile;

        @Option(names = "--name", description = "a key in the keystore")
        String name;

        @Override
        public Integer call() throws Exception {
            SigningKey key = Keys.signingKey(keyFile, name);
            System.out.println(method == Method.key ? DidKey.create(key.publicKey()) : DidJwk.create(key.publicKey()));
            return 0;
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Resolve a DID to its DID document. did:key and did:jwk resolve offline; did:web over HTTPS.")
    static final class Resolve implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DID")
        String did;

        @Override
        public Integer call() throws Exception {
            var resolver = CompositeDidResolver.standard(HttpDidWebFetcher.builder().build());
            System.out.println(org.creditmesh.core.json.Json.writePretty(resolver.resolve(did).toJson()));
            return 0;
        }
    }
}
