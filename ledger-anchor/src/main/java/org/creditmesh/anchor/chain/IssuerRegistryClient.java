package org.creditmesh.anchor.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.creditmesh.anchor.merkle.Hash32;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Bytes4;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The IssuerRegistry (on-chain trust registry) through web3j's ABI encoder: M-of-N governance
 * (propose, approve; execution at the threshold) and the reads a verifier needs.
 */
public final class IssuerRegistryClient {

    static final Event PROPOSAL_CREATED = new Event("ProposalCreated", List.of(
            new TypeReference<Uint256>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Bytes4>() { }, new TypeReference<DynamicBytes>() { }));
    static final Event PROPOSAL_EXECUTED = new Event("ProposalExecuted", List.of(new TypeReference<Uint256>(true) { }));

    private static final String CREATED_TOPIC = EventEncoder.encode(PROPOSAL_CREATED);
    private static final String EXECUTED_TOPIC = EventEncoder.encode(PROPOSAL_EXECUTED);

    private final ChainClient chain;
    private final String address;

    private IssuerRegistryClient(ChainClient chain, String address) {
        this.chain = chain;
        this.address = address.toLowerCase(Locale.ROOT);
    }

    /** Outcome of proposing or approving: the proposal and whether this call executed it. */
    public record Submitted(long proposalId, boolean executed, String txHash) {
    }

    public static IssuerRegistryClient deploy(ChainClient chain, List<String> admins, int threshold) throws AnchorException {
        String args = FunctionEncoder.encodeConstructor(List.of(
                new DynamicArray<>(Address.class, Addresses.abi(admins)),
                new Uint256(threshold)));
        return new IssuerRegistryClient(chain, chain.deploy(ContractArtifact.issuerRegistry(), args));
    }

    public static IssuerRegistryClient at(ChainClient chain, String address) throws AnchorException {
        return new IssuerRegistryClient(Objects.requireNonNull(chain), Addresses.require(address));
    }

    /** The same registry, acting through another client (another admin's key). */
    public IssuerRegistryClient as(ChainClient other) {
        return new IssuerRegistryClient(other, address);
    }

    public String address() {
        return address;
    }

    /** The on-chain key of a DID: keccak256 of its UTF-8 string. Only organisations' DIDs go on chain. */
    public static Hash32 didHash(String did) {
        return Hash32.keccakOfUtf8(did);
    }

    /** The on-chain key of a credential type name, e.g. {@code KycCredential}. */
    public static Hash32 credentialTypeHash(String type) {
        return Hash32.keccakOfUtf8(type);
    }

    /** Proposes a change; the proposer's approval counts (so with threshold 1 it executes at once). */
    public Submitted propose(GovernanceAction action) throws AnchorException {
        Function f = new Function("propose", List.of(new DynamicBytes(Numeric.hexStringToByteArray(action.calldata()))),
                List.of());
        TransactionReceipt receipt = chain.transact(address, Abi.encode(f), "propose " + action.name());
        Log created = receipt.getLogs().stream()
                .filter(l -> address.equalsIgnoreCase(l.getAddress()) && !l.getTopics().isEmpty()
                        && CREATED_TOPIC.equalsIgnoreCase(l.getTopics().get(0)))
                .findFirst()
                .orElseThrow(() -> new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "no ProposalCreated log"));
        long id = Numeric.toBigInt(created.getTopics().get(1)).longValueExact();
        return new Submitted(id, executed(receipt, id), receipt.getTransactionHash());
    }

    /** Approves a proposal; returns whether this approval reached the threshold and executed it. */
    public Submitted approve(long proposalId) throws AnchorException {
        Function f = new Function("approve", List.of(new Uint256(proposalId)), List.of());
        TransactionReceipt receipt = chain.transact(address, Abi.encode(f), "approve proposal " + proposalId);
        return new Submitted(proposalId, executed(receipt, proposalId), receipt.getTransactionHash());
    }

    /**
     * Executes a proposal that already has enough approvals by current admins (after the threshold
     * was lowered or an admin removed); {@code not_enough_approvals} otherwise.
     */
    public Submitted execute(long proposalId) throws AnchorException {
        Function f = new Function("execute", List.of(new Uint256(proposalId)), List.of());
        TransactionReceipt receipt = chain.transact(address, Abi.encode(f), "execute proposal " + proposalId);
        return new Submitted(proposalId, executed(receipt, proposalId), receipt.getTransactionHash());
    }

    public Proposal proposal(long id) throws AnchorException {
        Function f = new Function("getProposal", List.of(new Uint256(id)), List.of(
                new TypeReference<Address>() { }, new TypeReference<Bool>() { },
                new TypeReference<Uint256>() { }, new TypeReference<DynamicBytes>() { }));
        @SuppressWarnings("rawtypes")
        List<Type> out = Abi.decode(chain.call(address, Abi.encode(f)), f);
        return new Proposal(id, out.get(0).toString(), (Boolean) out.get(1).getValue(),
                Abi.uint(out.get(2)).intValueExact(), Numeric.toHexString((byte[]) out.get(3).getValue()));
    }

    public IssuerRecord issuer(Hash32 didHash) throws AnchorException {
        Function f = new Function("getIssuer", List.of(Abi.bytes32(didHash)), List.of(
                new TypeReference<Uint8>() { }, new TypeReference<Address>() { },
                new TypeReference<Uint64>() { }, new TypeReference<Uint64>() { },
                new TypeReference<DynamicArray<Bytes32>>() { }));
        @SuppressWarnings("rawtypes")
        List<Type> out = Abi.decode(chain.call(address, Abi.encode(f)), f);
        int status = Abi.uint(out.get(0)).intValueExact();
        if (status < 0 || status >= IssuerStatus.values().length) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "unknown issuer status " + status);
        }
        @SuppressWarnings("unchecked")
        List<Bytes32> types = ((DynamicArray<Bytes32>) out.get(4)).getValue();
        return new IssuerRecord(didHash, IssuerStatus.values()[status], out.get(1).toString(),
                Instant.ofEpochSecond(Abi.uint(out.get(2)).longValueExact()),
                Instant.ofEpochSecond(Abi.uint(out.get(3)).longValueExact()),
                types.stream().map(b -> new Hash32(b.getValue())).toList());
    }

    /** Whether the issuer is accredited, not suspended, for the credential type at {@code at}. */
    public boolean isAccredited(Hash32 didHash, Hash32 credentialType, Instant at) throws AnchorException {
        Function f = new Function("isAccredited", List.of(Abi.bytes32(didHash), Abi.bytes32(credentialType),
                new Uint256(BigInteger.valueOf(at.getEpochSecond()))), List.of(new TypeReference<Bool>() { }));
        return (Boolean) Abi.decode(chain.call(address, Abi.encode(f)), f).get(0).getValue();
    }

    /** How many proposals were ever made (ids are 0 .. count - 1). */
    public long proposalCount() throws AnchorException {
        Function f = new Function("proposalCount", List.of(), List.of(new TypeReference<Uint256>() { }));
        return Abi.uint(Abi.decode(chain.call(address, Abi.encode(f)), f).get(0)).longValueExact();
    }

    /** Whether {@code admin} approved proposal {@code id} (its proposer did). */
    public boolean hasApproved(long id, String admin) throws AnchorException {
        Function f = new Function("hasApproved", List.of(new Uint256(id), Addresses.abi(admin)),
                List.of(new TypeReference<Bool>() { }));
        return (Boolean) Abi.decode(chain.call(address, Abi.encode(f)), f).get(0).getValue();
    }

    public List<String> admins() throws AnchorException {
        Function f = new Function("admins", List.of(), List.of(new TypeReference<DynamicArray<Address>>() { }));
        @SuppressWarnings("unchecked")
        List<Address> admins = ((DynamicArray<Address>) Abi.decode(chain.call(address, Abi.encode(f)), f).get(0)).getValue();
        return admins.stream().map(Address::toString).toList();
    }

    public int threshold() throws AnchorException {
        Function f = new Function("threshold", List.of(), List.of(new TypeReference<Uint256>() { }));
        return Abi.uint(Abi.decode(chain.call(address, Abi.encode(f)), f).get(0)).intValueExact();
    }

    public boolean isAdmin(String account) throws AnchorException {
        Function f = new Function("isAdmin", List.of(Addresses.abi(account)), List.of(new TypeReference<Bool>() { }));
        return (Boolean) Abi.decode(chain.call(address, Abi.encode(f)), f).get(0).getValue();
    }

    /** Calls a proposal-only function directly; the registry refuses it ({@code only_by_proposal}). */
    public void callDirectly(GovernanceAction action) throws AnchorException {
        chain.transact(address, action.calldata(), action.name());
    }

    private boolean executed(TransactionReceipt receipt, long id) {
        return receipt.getLogs().stream().anyMatch(l -> address.equalsIgnoreCase(l.getAddress())
                && l.getTopics().size() == 2 && EXECUTED_TOPIC.equalsIgnoreCase(l.getTopics().get(0))
                && Numeric.toBigInt(l.getTopics().get(1)).longValueExact() == id);
    }
}
