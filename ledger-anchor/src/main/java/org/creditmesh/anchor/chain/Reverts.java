package org.creditmesh.anchor.chain;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditmesh.anchor.merkle.Keccak;

/**
 * Maps the contracts' custom errors (by their 4-byte selector) to stable {@link AnchorError} codes.
 * {@code RevertsTest} checks that every error in the compiled ABIs has an entry.
 */
public final class Reverts {

    /** Solidity error signature → code. */
    public static final Map<String, AnchorError> ERRORS;

    private static final Map<String, AnchorError> BY_SELECTOR = new LinkedHashMap<>();
    private static final Map<String, String> SIGNATURE_BY_SELECTOR = new LinkedHashMap<>();
    private static final Pattern HEX_DATA = Pattern.compile("0x[0-9a-fA-F]{8,}");

    static {
        Map<String, AnchorError> m = new LinkedHashMap<>();
        // AnchorRegistry
        m.put("NotAdmin(address)", AnchorError.NOT_ADMIN);
        m.put("NotAnchorer(address)", AnchorError.NOT_ANCHORER);
        m.put("RootAlreadyAnchored(bytes32,uint256)", AnchorError.ROOT_ALREADY_ANCHORED);
        m.put("InvalidRoot()", AnchorError.INVALID_BATCH);
        m.put("InvalidLeafCount()", AnchorError.INVALID_BATCH);
        m.put("InvalidAddress()", AnchorError.INVALID_GOVERNANCE_CHANGE);
        // IssuerRegistry
        m.put("OnlyByProposal()", AnchorError.ONLY_BY_PROPOSAL);
        m.put("UnknownProposal(uint256)", AnchorError.UNKNOWN_PROPOSAL);
        m.put("AlreadyExecuted(uint256)", AnchorError.PROPOSAL_ALREADY_EXECUTED);
        m.put("AlreadyApproved(uint256,address)", AnchorError.ALREADY_APPROVED);
        m.put("UnsupportedAction(bytes4)", AnchorError.INVALID_GOVERNANCE_CHANGE);
        m.put("InvalidThreshold(uint256,uint256)", AnchorError.INVALID_GOVERNANCE_CHANGE);
        m.put("InvalidAdmin(address)", AnchorError.INVALID_GOVERNANCE_CHANGE);
        m.put("InvalidIssuer(bytes32)", AnchorError.INVALID_GOVERNANCE_CHANGE);
        m.put("InvalidValidity(uint64,uint64)", AnchorError.INVALID_GOVERNANCE_CHANGE);
        m.put("UnknownIssuer(bytes32)", AnchorError.UNKNOWN_ISSUER);
        m.put("NotEnoughApprovals(uint256,uint256,uint256)", AnchorError.NOT_ENOUGH_APPROVALS);
        ERRORS = java.util.Collections.unmodifiableMap(m);
        m.forEach((signature, code) -> {
            String selector = selector(signature);
            BY_SELECTOR.put(selector, code);
            SIGNATURE_BY_SELECTOR.put(selector, signature);
        });
    }

    private Reverts() {
    }

    /** The 4-byte selector of an error or function signature, {@code 0x} + 8 hex digits. */
    public static String selector(String signature) {
        byte[] hash = Keccak.keccak256(signature.getBytes(StandardCharsets.UTF_8));
        return "0x" + HexFormat.of().formatHex(hash, 0, 4);
    }

    /**
     * The typed error for revert data (hex, possibly embedded in a node's error text), or empty when
     * the text holds no revert data.
     */
    public static Optional<AnchorException> fromRevertData(String text, String action) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = HEX_DATA.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String data = m.group().toLowerCase(Locale.ROOT);
        String selector = data.substring(0, 10);
        AnchorError code = BY_SELECTOR.get(selector);
        if (code != null) {
            return Optional.of(new AnchorException(code, action + " reverted: " + SIGNATURE_BY_SELECTOR.get(selector)));
        }
        if (selector.equals("0x08c379a0") && data.length() >= 10 + 192) {
            // Error(string): offset, length, bytes
            try {
                byte[] body = HexFormat.of().parseHex(data.substring(10));
                int length = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(body, 32, 64)).intValueExact();
                String reason = new String(body, 64, Math.min(length, body.length - 64), StandardCharsets.UTF_8);
                return Optional.of(new AnchorException(AnchorError.TX_REVERTED, action + " reverted: " + reason));
            } catch (RuntimeException e) {
                return Optional.of(new AnchorException(AnchorError.TX_REVERTED, action + " reverted"));
            }
        }
        return Optional.of(new AnchorException(AnchorError.TX_REVERTED, action + " reverted with data " + selector));
    }
}
