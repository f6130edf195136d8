package org.creditmesh.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jose.Base64Url;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.status.StatusError;
import org.creditmesh.core.status.StatusException;
import org.creditmesh.core.status.StatusIndexAllocator;
import org.creditmesh.core.status.StatusListFetcher;
import org.creditmesh.core.status.StatusSpecs;
import org.creditmesh.core.status.token.StatusListTokenFetcher;
import org.creditmesh.core.status.token.TokenStatusError;
import org.creditmesh.core.status.token.TokenStatusException;

/**
 * Status list files on disk. A list file is a signed status list credential; beside it,
 * {@code FILE.indexes} records the indexes handed out so far (one per line), so that each credential
 * gets a fresh random index (Bitstring Status List v1.0 section 6.1: random assignment keeps the
 * index from revealing issuance order).
 */
final class StatusLists {

    private StatusLists() {
    }

    /** The {@code id} (publication URL) of a list file. */
    static String url(Path listFile) throws IOException, CreditMeshException {
        return Json.parseObject(CredentialFiles.read(listFile)).path("id").asText();
    }

    /** Allocates a new random index in the list and records it. */
    static int allocate(Path listFile) throws IOException, CreditMeshException {
        Path record = indexesFile(listFile);
        BitSet used = new BitSet(StatusSpecs.MIN_ENTRIES);
        if (Files.exists(record)) {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    used.set(Integer.parseInt(line.strip()));
                }
            }
        }
        int index = new StatusIndexAllocator(StatusSpecs.MIN_ENTRIES, used, new SecureRandom()).allocate();
        Files.writeString(record, index + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return index;
    }

    static Path indexesFile(Path listFile) {
        return listFile.resolveSibling(listFile.getFileName() + ".indexes");
    }

    /**
     * A Status List Token fetcher (draft-ietf-oauth-status-list, section 5) that answers from local token files by
     * their {@code sub} claim, which the draft requires to equal the URI credentials reference. The subject is read
     * here only to index the files; the checker verifies each token's signature and subject when it is used.
     */
    static StatusListTokenFetcher offlineTokens(List<Path> tokenFiles) throws IOException, CreditMeshException {
        Map<String, String> byUri = new LinkedHashMap<>();
        for (Path file : tokenFiles) {
            String token = CredentialFiles.read(file).strip();
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3 || !Base64Url.isValid(parts[1])) {
                throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST_TOKEN, file + " is not a compact JWT");
            }
            String sub = Json.parseObject(Base64Url.decode(parts[1])).path("sub").asText("");
            if (sub.isEmpty()) {
                throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST_TOKEN, file + " has no sub claim");
            }
            byUri.put(sub, token);
        }
        return uri -> {
            String token = byUri.get(uri);
            if (token == null) {
                throw new TokenStatusException(TokenStatusError.STATUS_LIST_UNAVAILABLE,
                        "status list token " + uri + " was not given with --status-list-token (the CLI does not fetch it)");
            }
            return token;
        };
    }

    /** A fetcher that answers from local list files by their {@code id}; other URLs are not fetched. */
    static StatusListFetcher offline(List<Path> listFiles) throws IOException, CreditMeshException {
        Map<String, String> byUrl = new LinkedHashMap<>();
        for (Path file : listFiles) {
            byUrl.put(url(file), CredentialFiles.read(file));
        }
        return url -> {
            String list = byUrl.get(url);
            if (list == null) {
                throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED,
                        "status list " + url + " was not given with --status-list (the CLI does not fetch it)");
            }
            return list;
        };
    }
}
