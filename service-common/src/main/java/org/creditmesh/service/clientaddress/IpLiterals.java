package org.creditmesh.service.clientaddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals from headers and configuration, parsed without ever asking DNS: {@link InetAddress#getByName}
 * resolves anything that is not a literal, so only strings shaped like an IPv4 dotted quad or an IPv6 address
 * reach it.
 */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiterals() {
    }

    /** {@code 192.0.2.1}, {@code 2001:db8::1}, {@code [2001:db8::1]}, with an optional {@code :port} after IPv4 or brackets. */
    static Optional<InetAddress> parse(String text) {
        String s = text.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            s = s.substring(1, end);
        } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0 && s.contains(".")) {
            s = s.substring(0, s.indexOf(':'));
        }
        if (s.length() > 45 || !(IPV4.matcher(s).matches() || IPV6.matcher(s).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
