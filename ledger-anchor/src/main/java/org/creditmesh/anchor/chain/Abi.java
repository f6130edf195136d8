package org.creditmesh.anchor.chain;

import java.math.BigInteger;
import java.util.List;
import org.creditmesh.anchor.merkle.Hash32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;

/** Small helpers over web3j's ABI encoder and decoder, with typed errors for bad answers. */
final class Abi {

    private Abi() {
    }

    static String encode(Function function) {
        return FunctionEncoder.encode(function);
    }

    static Bytes32 bytes32(Hash32 value) {
        return new Bytes32(value.bytes());
    }

    /** Decodes a call's result into the function's output types, refusing an empty or short answer. */
    @SuppressWarnings("rawtypes")
    static List<Type> decode(String hex, Function function) throws AnchorException {
        List<Type> values;
        try {
            values = FunctionReturnDecoder.decode(hex, function.getOutputParameters());
        } catch (RuntimeException e) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE,
                    function.getName() + ": cannot decode the node's answer", e);
        }
        if (values.size() != function.getOutputParameters().size()) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE,
                    function.getName() + ": expected " + function.getOutputParameters().size() + " values, got " + values.size()
                            + " (is there a contract at that address?)");
        }
        return values;
    }

    static BigInteger uint(Object value) {
        return (BigInteger) ((Type<?>) value).getValue();
    }
}
