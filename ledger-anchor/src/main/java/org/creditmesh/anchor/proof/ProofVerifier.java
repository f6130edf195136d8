package org.creditmesh.anchor.proof;

import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Checks an {@link AnchorProof}: offline from the leaf up to the root, online with the anchoring
 * transaction's receipt (and its block header for the time), against the registry the verifier trusts.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /** Checks that the path leads from the leaf to the root; no network. */
    public static void verifyOffline(AnchorProof proof) throws ProofException {
        if (!MerkleTree.verify(proof.root(), proof.leaf(), proof.path())) {
            throw new ProofException(ProofError.PROOF_PATH_INVALID, "the path does not lead from the leaf to the root");
        }
    }

    /** Connects to {@code rpcUrl} (read-only) and verifies online. */
    public static VerifiedAnchor verifyOnline(AnchorProof proof, TrustedRegistry trusted, URI rpcUrl) throws ProofException {
        verifyOffline(proof);
        checkTrusted(proof, trusted);
        try (ChainClient chain = ChainClient.connect(rpcUrl, null, ChainSettings.anvil(trusted.chainId()))) {
            return verifyOnline(proof, trusted, chain);
        } catch (AnchorException e) {
            throw translate(e);
        }
    }

    /**
     * Verifies offline, then that the proof names the trusted chain and contract, that the node is on
     * that chain, and that the transaction's receipt holds, at the proof's log index, the trusted
     * contract's {@code Anchored} log for this root and leaf count, in the proof's block.
     */
    public static VerifiedAnchor verifyOnline(AnchorProof proof, TrustedRegistry trusted, ChainClient chain)
            throws ProofException {
        verifyOffline(proof);
        checkTrusted(proof, trusted);
        try {
            long nodeChain = chain.nodeChainId();
            if (nodeChain != proof.chainId()) {
                throw new ProofException(ProofError.WRONG_CHAIN,
                        "the node is on chain " + nodeChain + ", the proof is for chain " + proof.chainId());
            }
            Optional<TransactionReceipt> found = chain.receipt(proof.txHash().toHex());
            if (found.isEmpty() || !found.get().isStatusOK()) {
                throw new ProofException(ProofError.ROOT_NOT_ANCHORED,
                        "no successful transaction " + proof.txHash() + " on chain " + proof.chainId());
            }
            TransactionReceipt receipt = found.get();
            if (receipt.getBlockNumber().longValueExact() != proof.blockNumber()
                    || !proof.blockHash().toHex().equalsIgnoreCase(receipt.getBlockHash())) {
                throw new ProofException(ProofError.ANCHOR_MISMATCH,
                        "the transaction is in block " + receipt.getBlockNumber() + " " + receipt.getBlockHash()
                                + ", not the proof's (reorganised chain or edited proof)");
            }
            Log log = receipt.getLogs().stream()
                    .filter(l -> l.getLogIndex() != null && l.getLogIndex().longValueExact() == proof.logIndex())
                    .findFirst()
                    .orElseThrow(() -> new ProofException(ProofError.ANCHOR_MISMATCH,
                            "the transaction has no log with index " + proof.logIndex()));
            if (!trusted.contract().equalsIgnoreCase(log.getAddress())) {
                throw new ProofException(ProofError.WRONG_CONTRACT, "the log is from " + log.getAddress()
                        + ", not the trusted registry");
            }
            if (log.getTopics().size() != 3 || !AnchorRegistryClient.ANCHORED_TOPIC.equalsIgnoreCase(log.getTopics().get(0))) {
                throw new ProofException(ProofError.ANCHOR_MISMATCH, "the log is not an Anchored event");
            }
            if (!proof.root().toHex().equalsIgnoreCase(log.getTopics().get(1))) {
                throw new ProofException(ProofError.ROOT_NOT_ANCHORED, "the transaction anchored another root");
            }
            String data = Numeric.cleanHexPrefix(log.getData());
            if (data.length() < 64 || !new BigInteger(data.substring(0, 64), 16).equals(BigInteger.valueOf(proof.leafCount()))) {
                throw new ProofException(ProofError.ANCHOR_MISMATCH, "the anchored leaf count differs from the proof's");
            }
            EthBlock.Block block = chain.block(proof.blockNumber());
            Instant time = Instant.ofEpochSecond(block.getTimestamp().longValueExact());
            if (!proof.blockHash().toHex().equalsIgnoreCase(block.getHash())) {
                throw new ProofException(ProofError.ANCHOR_MISMATCH, "block " + proof.blockNumber() + " has another hash now");
            }
            if (!time.equals(proof.anchoredAt())) {
                throw new ProofException(ProofError.ANCHOR_MISMATCH, "anchoredAt differs from the block's timestamp " + time);
            }
            long head = chain.blockNumber();
            return new VerifiedAnchor(proof.leaf(), proof.root(), proof.blockNumber(), time, head - proof.blockNumber() + 1);
        } catch (AnchorException e) {
            throw translate(e);
        } catch (ArithmeticException e) {
            throw new ProofException(ProofError.RPC_INVALID_RESPONSE, "the node answered an out-of-range number", e);
        }
    }

    private static void checkTrusted(AnchorProof proof, TrustedRegistry trusted) throws ProofException {
        if (proof.chainId() != trusted.chainId()) {
            throw new ProofException(ProofError.WRONG_CHAIN,
                    "the proof is for chain " + proof.chainId() + ", the trusted registry is on chain " + trusted.chainId());
        }
        if (!proof.contract().equalsIgnoreCase(trusted.contract())) {
            throw new ProofException(ProofError.WRONG_CONTRACT,
                    "the proof is for contract " + proof.contract() + ", not the trusted registry " + trusted.contract());
        }
    }

    private static ProofException translate(AnchorException e) {
        ProofError code = switch (e.error()) {
            case CHAIN_ID_MISMATCH -> ProofError.WRONG_CHAIN;
            case RPC_UNAVAILABLE -> ProofError.RPC_UNAVAILABLE;
            default -> ProofError.RPC_INVALID_RESPONSE;
        };
        return new ProofException(code, e.getMessage(), e);
    }
}
