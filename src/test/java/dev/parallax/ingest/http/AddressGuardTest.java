package dev.parallax.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {
    // A fixed resolver: names map to the addresses a hostile DNS could hand out.
    private static final Map<String, String[]> DNS = Map.of(
            "news.example", new String[] {"93.184.216.34"},
            "rebind.example", new String[] {"93.184.216.34", "10.0.0.7"},
            "intranet.example", new String[] {"10.20.30.40"});

    private static AddressGuard guard(List<String> allow) {
        return new AddressGuard(allow, host -> {
            String[] addresses = DNS.get(host);
            if (addresses == null) {
                return InetAddress.getAllByName(host); // IP literals only in these tests
            }
            InetAddress[] out = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                out[i] = InetAddress.getByName(addresses[i]);
            }
            return out;
        });
    }

    @ParameterizedTest(name = "{0} is blocked")
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::",
            "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1",
            "2002:a00:1::", "[::1]"})
    void nonPublicAddressesAreBlocked(String host) {
        assertThat(guard(List.of()).check(host)).isInstanceOf(AddressGuard.Verdict.Blocked.class);
    }

    @ParameterizedTest(name = "{0} is allowed")
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "news.example"})
    void publicAddressesAreAllowed(String host) {
        assertThat(guard(List.of()).check(host)).isInstanceOf(AddressGuard.Verdict.Allowed.class);
    }

    @Test
    @DisplayName("a name is judged by what it resolves to: one private record among public ones blocks it")
    void everyResolvedAddressCounts() {
        AddressGuard.Verdict v = guard(List.of()).check("rebind.example");

        assertThat(v).isInstanceOfSatisfying(AddressGuard.Verdict.Blocked.class,
                b -> assertThat(b.reason()).contains("rebind.example", "private address 10.0.0.7", "allow"));
    }

    @Test
    @DisplayName("the allow-list opens a CIDR or a host name, and nothing else")
    void allowList() {
        AddressGuard byCidr = guard(List.of("10.20.0.0/16"));
        AddressGuard byName = guard(List.of("intranet.example"));

        assertThat(byCidr.check("intranet.example")).isInstanceOf(AddressGuard.Verdict.Allowed.class);
        assertThat(byCidr.check("10.21.0.1")).isInstanceOf(AddressGuard.Verdict.Blocked.class);
        assertThat(byName.check("intranet.example")).isInstanceOf(AddressGuard.Verdict.Allowed.class);
        assertThat(byName.check("10.20.30.40")).isInstanceOf(AddressGuard.Verdict.Blocked.class);
    }

    @Test
    @DisplayName("an unknown host is unresolvable, not allowed")
    void unknownHost() {
        AddressGuard g = new AddressGuard(List.of(), host -> {
            throw new UnknownHostException(host);
        });

        assertThat(g.check("nowhere.example")).isInstanceOf(AddressGuard.Verdict.Unresolvable.class);
    }

    @Test
    @DisplayName("malformed allow-list entries are rejected when the settings are read")
    void badRules() {
        assertThatThrownBy(() -> AddressGuard.parseRules(List.of("10.0.0.0/33")))
                .hasMessageContaining("prefix length");
        assertThatThrownBy(() -> AddressGuard.parseRules(List.of("300.1.1.1")))
                .hasMessageContaining("bad address");
        assertThatThrownBy(() -> AddressGuard.parseRules(List.of("http://x/")))
                .hasMessageContaining("CIDRs or host names");
    }
}
