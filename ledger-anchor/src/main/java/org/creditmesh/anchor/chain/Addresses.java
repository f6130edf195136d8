package org.creditmesh.anchor.chain;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.abi.datatypes.Address;

/** Checks Ethereum addresses given to the public API, so bad input is a typed error, not a web3j exception. */
public final class Addresses {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private Addresses() {
    }

    /** The address in lower case, or {@code invalid_address} unless it is {@code 0x} and 40 hex digits. */
    public static String require(String address) throws AnchorException {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new AnchorException(AnchorError.INVALID_ADDRESS, "not an address (0x and 40 hex digits)");
        }
        return address.toLowerCase(Locale.ROOT);
    }

    static Address abi(String address) throws AnchorException {
        return new Address(require(address));
    }

    static List<Address> abi(List<String> addresses) throws AnchorException {
        List<Address> out = new java.util.ArrayList<>(addresses.size());
        for (String a : addresses) {
            out.add(abi(a));
        }
        return out;
    }
}
