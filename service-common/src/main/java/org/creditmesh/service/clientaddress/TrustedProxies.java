package org.creditmesh.service.clientaddress;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reverse proxies whose {@code X-Forwarded-For} entries are believed: addresses or CIDR ranges such as
 * {@code 10.0.0.0/8} or {@code 2001:db8::/32}. Empty means none: the TCP peer is the client.
 */
public record TrustedProxies(List<Range> ranges) {

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    /** One address range: the first {@code prefixLength} bits of {@code network}. */
    public record Range(InetAddress network, int prefixLength) {
        public Range {
            Objects.requireNonNull(network, "network");
            if (prefixLength < 0 || prefixLength > network.getAddress().length * 8) {
                throw new IllegalArgumentException("prefix length " + prefixLength + " does not fit " + network.getHostAddress());
            }
        }

        public boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            byte[] n = network.getAddress();
            if (a.length != n.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != n[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            return rest == 0 || ((a[full] ^ n[full]) & (0xff << (8 - rest))) == 0;
        }
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** Parses {@code address} or {@code address/prefix} entries; a malformed one is an error, never skipped. */
    public static TrustedProxies parse(List<String> specs) {
        List<Range> ranges = new ArrayList<>();
        for (String spec : specs) {
            String s = spec.strip();
            if (s.isEmpty()) {
                continue;
            }
            int slash = s.indexOf('/');
            InetAddress address = IpLiterals.parse(slash < 0 ? s : s.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + spec));
            int prefix;
            try {
                prefix = slash < 0 ? address.getAddress().length * 8 : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length: " + spec, e);
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
