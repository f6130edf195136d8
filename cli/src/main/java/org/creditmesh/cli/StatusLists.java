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
import org.creditmesh.core.json.Json;
import org.creditmesh.core.status.StatusError;
import org.creditmesh.core.status.StatusException;
import org.creditmesh.core.status.StatusIndexAllocator;
import org.creditmesh.core.status.StatusListFetcher;
import org.creditmesh.core.status.StatusSpecs;

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
