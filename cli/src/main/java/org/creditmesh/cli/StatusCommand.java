package org.creditmesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.StatusListPublisher;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.status.StatusSpecs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Bitstring Status Lists (W3C v1.0): create a list, revoke or reinstate an entry, check an entry.",
        subcommands = {StatusCommand.Create.class, StatusCommand.Revoke.class, StatusCommand.Reinstate.class,
            StatusCommand.CheckEntry.class})
final class StatusCommand {

    /** The issuer key options shared by the signing subcommands. */
    static final class IssuerKey {
        @Option(names = "--key", paramLabel = "KEYFILE", description = "issuer's private JWK file (default: the keystore's default key)")
        Path keyFile;

        @Option(names = "--name", description = "issuer key by name in the keystore")
        String keyName;

        StatusListPublisher publisher() throws Exception {
            SigningKey key = Keys.signingKey(keyFile, keyName);
            return new StatusListPublisher(new CredentialIssuer(key), Clock.systemUTC());
        }
    }

    /** Which entry: an index, or the one a credential names. */
    static final class Entry {
        @Option(names = "--index", description = "the entry's statusListIndex")
        Long index;

        @Option(names = "--credential", paramLabel = "FILE", description = "take the index from this credential's credentialStatus")
        Path credential;

        long resolve(Path list) throws Exception {
            if (index != null) {
                return index;
            }
            String listUrl = StatusLists.url(list);
            for (JsonNode entry : CredentialFiles.statusEntries(CredentialFiles.read(credential))) {
                if (listUrl.equals(entry.path(StatusSpecs.STATUS_LIST_CREDENTIAL).asText())) {
                    return Long.parseLong(entry.path(StatusSpecs.STATUS_LIST_INDEX).asText());
                }
            }
            throw new IOException(credential + " has no status entry in the list " + listUrl);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a signed, empty status list of 131,072 entries, to be published at --url.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--url", required = true, description = "where the list will be published (its id)")
        String url;

        @Option(names = "--purpose", defaultValue = "revocation", description = "revocation (default) or suspension")
        String purpose;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @ArgGroup(exclusive = false)
        IssuerKey key = new IssuerKey();

        @Override
        public Integer call() throws Exception {
            CredentialFiles.write(out, key.publisher().create(url, purpose));
            Files.deleteIfExists(StatusLists.indexesFile(out));
            System.out.println("created " + purpose + " list " + url + " -> " + out);
            return 0;
        }
    }

    /** Revoke and reinstate: set or clear one entry of a list file, sign the list again, in place. */
    abstract static class EntryUpdate implements Callable<Integer> {
        @Option(names = "--list", required = true, paramLabel = "LISTFILE")
        Path list;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Entry entry;

        @ArgGroup(exclusive = false)
        IssuerKey key = new IssuerKey();

        /** True to set the entry, false to clear it. */
        abstract boolean set();

        @Override
        public Integer call() throws Exception {
            String text = CredentialFiles.read(list);
            JsonNode purpose = Json.parseObject(text).path("credentialSubject").path(StatusSpecs.STATUS_PURPOSE);
            if (!set() && !StatusSpecs.PURPOSE_SUSPENSION.equals(purpose.asText())) {
                System.err.println("error [revocation_is_final]: only entries of a suspension list can be cleared"
                        + " (Bitstring Status List v1.0 section 2.1)");
                return FailureHandler.FAILED;
            }
            long index = entry.resolve(list);
            CredentialFiles.write(list, key.publisher().update(text, index, set()));
            System.out.println((set() ? "set" : "cleared") + " entry " + index + " of " + StatusLists.url(list));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Set an entry (revoke, or suspend on a suspension list) and sign the list again, in place.")
    static final class Revoke extends EntryUpdate {
        @Override
        boolean set() {
            return true;
        }
    }

    @Command(name = "reinstate", mixinStandardHelpOptions = true,
            description = "Clear an entry of a suspension list and sign the list again (revocation is final).")
    static final class Reinstate extends EntryUpdate {
        @Override
        boolean set() {
            return false;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Print whether an entry of a list is set. Exit code 0 clear, 1 set.")
    static final class CheckEntry implements Callable<Integer> {
        @Option(names = "--list", required = true, paramLabel = "LISTFILE")
        Path list;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Entry entry;

        @Override
        public Integer call() throws Exception {
            long index = entry.resolve(list);
            String text = CredentialFiles.read(list);
            String purpose = Json.parseObject(text).path("credentialSubject").path(StatusSpecs.STATUS_PURPOSE).asText();
            boolean set = StatusListPublisher.isSet(text, index);
            System.out.println("entry " + index + ": " + (set ? (purpose.equals("suspension") ? "suspended" : "revoked") : "clear"));
            return set ? FailureHandler.FAILED : 0;
        }
    }
}
