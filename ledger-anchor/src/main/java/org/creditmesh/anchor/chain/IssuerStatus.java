package org.creditmesh.anchor.chain;

/** An issuer's state in the IssuerRegistry ({@code enum Status} in the contract, same order). */
public enum IssuerStatus {
    NONE,
    ACCREDITED,
    SUSPENDED
}
