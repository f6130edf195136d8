package org.creditmesh.service.clientaddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses direct = new ClientAddresses(Optional.empty());
    private final ClientAddresses behindProxies = new ClientAddresses(Optional.of(List.of("10.0.0.0/8", "192.0.2.7", "2001:db8:f::/48")));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(direct.of("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(direct.of("10.1.2.3", List.of("198.51.100.1"))).isEqualTo("10.1.2.3");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(behindProxies.of("203.0.113.9", List.of("198.51.100.1, 10.0.0.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheFirstAddressTheyVouchForIsTheClient() {
        // The client wrote 198.51.100.66 itself; the outer proxy appended the address it saw, the inner one its own.
        assertThat(behindProxies.of("10.0.0.5", List.of("198.51.100.66, 203.0.113.4, 10.9.9.9"))).isEqualTo("203.0.113.4");
        assertThat(behindProxies.of("192.0.2.7", List.of("198.51.100.66", "203.0.113.4"))).isEqualTo("203.0.113.4");
        assertThat(behindProxies.of("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
        assertThat(behindProxies.of("10.0.0.5", List.of("[2001:db8:f::1]:443, 10.1.1.1"))).isEqualTo("2001:db8:f:0:0:0:0:0/64");
    }

    @Test
    void somethingThatIsNotAnAddressCountsAgainstTheProxyAndIsNeverLookedUp() {
        assertThat(behindProxies.of("10.0.0.5", List.of("203.0.113.4, evil.example"))).isEqualTo("10.0.0.5");
        assertThat(behindProxies.of("10.0.0.5", List.of("203.0.113.4, 10.2.2.2, dead"))).isEqualTo("10.0.0.5");
        assertThat(behindProxies.of("10.0.0.5", List.of("unknown, 10.2.2.2"))).isEqualTo("10.2.2.2");
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertThat(direct.of("2001:db8:1:2:aaaa::1", List.of())).isEqualTo(direct.of("2001:db8:1:2:bbbb::9", List.of()));
        assertThat(direct.of("2001:db8:1:2::1", List.of())).isNotEqualTo(direct.of("2001:db8:1:3::1", List.of()));
    }

    @Test
    void malformedTrustedProxiesAreRefused() {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrustedProxies.parse(List.of("10.0.0.0/9")).contains(IpLiterals.parse("10.127.0.1").orElseThrow())).isTrue();
        assertThat(TrustedProxies.parse(List.of("10.0.0.0/9")).contains(IpLiterals.parse("10.128.0.1").orElseThrow())).isFalse();
    }
}
