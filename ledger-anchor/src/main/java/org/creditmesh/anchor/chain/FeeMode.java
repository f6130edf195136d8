package org.creditmesh.anchor.chain;

/** How transactions pay for gas. */
public enum FeeMode {
    /** EIP-1559 when the latest block has a base fee, legacy otherwise. */
    AUTO,
    /** Always EIP-1559 (type 2) transactions. */
    EIP1559,
    /** Always legacy (EIP-155 signed) transactions, e.g. gas price 0 on a Besu free-gas network. */
    LEGACY
}
