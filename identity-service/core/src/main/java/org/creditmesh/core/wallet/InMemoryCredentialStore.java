package org.creditmesh.core.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CredentialStore} that forgets everything when the process ends. */
public final class InMemoryCredentialStore implements CredentialStore {

    private final Map<String, ReceivedCredential> credentials = new ConcurrentHashMap<>();

    @Override
    public void save(ReceivedCredential credential) {
        credentials.put(credential.id(), credential);
    }

    @Override
    public Optional<ReceivedCredential> get(String id) {
        return Optional.ofNullable(credentials.get(id));
    }

    @Override
    public List<ReceivedCredential> list() {
        return new ArrayList<>(credentials.values());
    }
}
