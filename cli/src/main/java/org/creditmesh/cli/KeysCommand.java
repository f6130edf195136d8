package org.creditmesh.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.FileKeyStore;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "keys", description = "Generate and list signing keys.", mixinStandardHelpOptions = true,
        subcommands = {KeysCommand.Generate.class, KeysCommand.ListKeys.class})
final class KeysCommand {

    /** Key types by the names users type. */
    enum Type {
        ed25519(KeyType.ED25519), p256(KeyType.P256), secp256k1(KeyType.SECP256K1);

        final KeyType keyType;

        Type(KeyType keyType) {
            this.keyType = keyType;
        }
    }

    static ObjectNode describe(String name, SigningKey key) {
        ObjectNode out = Json.mapper().createObjectNode();
        if (name != null) {
            out.put("name", name);
        }
        out.put("type", key.type().curveName());
        out.put("did", Keys.didKey(key));
        out.put("publicKeyMultibase", key.publicKey().toMultikey());
        out.set("publicJwk", Json.toNode(key.publicKey().toJwk().toJSONObject()));
        return out;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate a key: into the keystore under --name, or as a private JWK file with --out.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--type", defaultValue = "ed25519", description = "ed25519 (default), p256 or secp256k1")
        Type type;

        @Option(names = "--name", description = "name in the keystore (default: 'default')")
        String name;

        @Option(names = "--out", description = "write the private JWK to this file (owner-only) instead of the keystore")
        Path out;

        @Option(names = "--force", description = "replace an existing key of that name")
        boolean force;

        @Override
        public Integer call() throws Exception {
            SigningKey key = SigningKey.generate(type.keyType);
            if (out != null) {
                Keys.writeOwnerOnly(out, Json.writePretty(Json.toNode(key.exportPrivateJwk().toJSONObject())) + "\n");
                System.out.println(Json.writePretty(describe(null, key)));
                return 0;
            }
            String alias = name == null ? Keys.DEFAULT_ALIAS : name;
            FileKeyStore store = Keys.keystore();
            if (store.list().contains(alias) && !force) {
                System.err.println("error [key_exists]: the keystore already has a key named '" + alias + "' (use --force to replace it)");
                return 1;
            }
            store.store(alias, key);
            System.out.println(Json.writePretty(describe(alias, key)));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keystore's keys with their DIDs.")
    static final class ListKeys implements Callable<Integer> {
        @Parameters(arity = "0", hidden = true)
        String unused;

        @Override
        public Integer call() throws Exception {
            FileKeyStore store = Keys.keystore();
            var out = Json.mapper().createArrayNode();
            for (String alias : store.list()) {
                out.add(describe(alias, store.load(alias)));
            }
            System.out.println(Json.writePretty(out));
            return 0;
        }
    }
}
