package org.creditmesh.core.wallet;

import java.util.List;
import java.util.Optional;

/** Where the wallet keeps what it received. */
public interface CredentialStore {

    void save(ReceivedCredential credential) throws WalletException;

    Optional<ReceivedCredential> get(String id) throws WalletException;

    List<ReceivedCredential> list() throws WalletException;
}
