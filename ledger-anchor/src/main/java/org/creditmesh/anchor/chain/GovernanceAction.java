package org.creditmesh.anchor.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.creditmesh.anchor.merkle.Hash32;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * One change to the IssuerRegistry, proposed by an admin and executed when enough admins approve
 * it: the ABI-encoded call of one of the registry's proposal-only functions.
 *
 * @param name the function, e.g. {@code accredit}
 * @param calldata its ABI-encoded call ({@code 0x} hex)
 */
public record GovernanceAction(String name, String calldata) {

    public GovernanceAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(calldata, "calldata");
    }

    /**
     * Accredits (or re-accredits) an issuer. Only hashes and an address: the DID and type names are
     * hashed with {@link IssuerRegistryClient#didHash} and {@link IssuerRegistryClient#credentialTypeHash}.
     */
    public static GovernanceAction accredit(Hash32 didHash, String signingKeyAddress, List<Hash32> credentialTypes,
            Instant validFrom, Instant validUntil) throws AnchorException {
        return of(new Function("accredit", List.of(
                Abi.bytes32(didHash),
                Addresses.abi(signingKeyAddress),
                new DynamicArray<>(Bytes32.class, credentialTypes.stream().map(Abi::bytes32).toList()),
                new Uint64(BigInteger.valueOf(validFrom.getEpochSecond())),
                new Uint64(BigInteger.valueOf(validUntil.getEpochSecond()))), List.of()));
    }

    public static GovernanceAction suspend(Hash32 didHash) {
        return of(new Function("suspend", List.of(Abi.bytes32(didHash)), List.of()));
    }

    public static GovernanceAction addAdmin(String admin) throws AnchorException {
        return of(new Function("addAdmin", List.of(Addresses.abi(admin)), List.of()));
    }

    public static GovernanceAction removeAdmin(String admin) throws AnchorException {
        return of(new Function("removeAdmin", List.of(Addresses.abi(admin)), List.of()));
    }

    public static GovernanceAction setThreshold(int threshold) {
        return of(new Function("setThreshold", List.of(new Uint256(threshold)), List.of()));
    }

    private static GovernanceAction of(Function f) {
        return new GovernanceAction(f.getName(), Abi.encode(f));
    }
}
