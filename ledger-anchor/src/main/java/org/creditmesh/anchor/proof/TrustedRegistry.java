package org.creditmesh.anchor.proof;

import java.util.Locale;
import java.util.Objects;

/**
 * The AnchorRegistry a verifier trusts: anyone can deploy a registry and anchor anything in it, so a
 * proof counts only for the chain and contract the verifier configured, never for what the proof
 * itself names.
 *
 * @param chainId the chain
 * @param contract the AnchorRegistry address ({@code 0x} + 40 hex digits, any case)
 */
public record TrustedRegistry(long chainId, String contract) {

    public TrustedRegistry {
        Objects.requireNonNull(contract, "contract");
        contract = contract.toLowerCase(Locale.ROOT);
    }
}
