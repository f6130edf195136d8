package org.creditmesh.service.clientaddress;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request's rate limits are counted against. Without trusted proxies ({@code
 * creditmesh.http.trusted-proxies}, addresses or CIDR ranges) it is the TCP peer and {@code X-Forwarded-For} is
 * ignored, since any client can write it. When the peer is a trusted proxy, {@code X-Forwarded-For} is read from the
 * right, past the trusted proxies' own entries, to the first address a trusted proxy vouched for. Hand-written
 * because Quarkus' proxy support takes the left-most entry, which the client itself writes when its proxy appends.
 * IPv6 clients count by their /64: one subscriber's network, which a client can otherwise walk through for fresh
 * buckets.
 */
@ApplicationScoped
public class ClientAddresses {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final TrustedProxies trusted;

    @Inject
    public ClientAddresses(@ConfigProperty(name = "creditmesh.http.trusted-proxies") Optional<List<String>> trustedProxies) {
        this(trustedProxies.map(TrustedProxies::parse).orElse(TrustedProxies.none()));
    }

    public ClientAddresses(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /** The rate-limit key of {@code request}'s client. */
    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return of(peer, request.headers().getAll(X_FORWARDED_FOR));
    }

    /** The rate-limit key of a request from TCP peer {@code peer} carrying these {@code X-Forwarded-For} headers. */
    public String of(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = peer == null ? Optional.empty() : IpLiterals.parse(peer);
        if (peerAddress.isEmpty()) {
            return "unknown";
        }
        InetAddress client = peerAddress.get();
        if (!trusted.isEmpty() && trusted.contains(client)) {
            List<String> hops = forwardedFor.stream().flatMap(h -> Arrays.stream(h.split(","))).map(String::strip)
                    .filter(h -> !h.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = IpLiterals.parse(hops.get(i));
                if (hop.isEmpty()) {
                    // A trusted proxy wrote something that is not an address: count the request against the proxy.
                    break;
                }
                client = hop.get();
                if (!trusted.contains(client)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            Arrays.fill(bytes, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }
}
