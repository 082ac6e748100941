package dev.parallax.ingest.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SSRF guard: feed and page URLs come from chat users, so a host that resolves to a loopback,
 * private, link-local (cloud metadata), carrier-grade NAT, multicast or otherwise reserved address
 * is refused unless the configured allow-list names it. Every address the name resolves to is
 * checked, so one public record cannot smuggle a private one through.
 */
public final class AddressGuard {
    /** Resolves a host name; the JDK resolver in production, a fixed table in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The verdict on one host. */
    public sealed interface Verdict {
        record Allowed(List<InetAddress> addresses) implements Verdict {
        }

        record Blocked(String reason) implements Verdict {
        }

        record Unresolvable(String reason) implements Verdict {
        }
    }

    private record Cidr(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }

    private record Rules(List<Cidr> networks, List<String> hosts) {
    }

    private final Rules allow;
    private final Resolver resolver;

    public AddressGuard(List<String> allowRules, Resolver resolver) {
        this.allow = parseRules(allowRules);
        this.resolver = resolver;
    }

    public static AddressGuard withSystemResolver(List<String> allowRules) {
        return new AddressGuard(allowRules, InetAddress::getAllByName);
    }

    public Verdict check(String host) {
        if (host == null || host.isBlank()) {
            return new Verdict.Blocked("URL has no host");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return new Verdict.Unresolvable("unknown host " + host);
        }
        if (addresses == null || addresses.length == 0) {
            return new Verdict.Unresolvable("unknown host " + host);
        }
        if (allow.hosts.contains(name)) {
            return new Verdict.Allowed(List.of(addresses));
        }
        for (InetAddress address : addresses) {
            String why = forbidden(address);
            if (why != null && allow.networks.stream().noneMatch(c -> c.contains(address))) {
                return new Verdict.Blocked(host + " resolves to " + why + " address " + address.getHostAddress()
                        + " (allow it under [feeds] allow to fetch it)");
            }
        }
        return new Verdict.Allowed(List.of(addresses));
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String forbidden(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                String inner = forbidden(embedded);
                return inner == null ? null : inner + " (IPv4 inside IPv6)";
            }
            if (address.isLoopbackAddress()) {
                return "a loopback";
            }
            if (address.isAnyLocalAddress()) {
                return "an unspecified";
            }
            if (address.isLinkLocalAddress() || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
                return "a link-local";
            }
            if ((b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
                return "a private";
            }
            if (address.isMulticastAddress()) {
                return "a multicast";
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return "a documentation";
            }
            return null;
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (address.isLoopbackAddress() || a0 == 127) {
            return "a loopback";
        }
        if (a0 == 0) {
            return "an unspecified";
        }
        if (a0 == 169 && a1 == 254) {
            return "a link-local (cloud metadata)";
        }
        if (a0 == 10 || a0 == 172 && a1 >= 16 && a1 <= 31 || a0 == 192 && a1 == 168) {
            return "a private";
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return "a carrier-grade NAT";
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0 || a0 == 198 && (a1 == 18 || a1 == 19)) {
            return "a reserved";
        }
        if (a0 >= 224) {
            return a0 < 240 ? "a multicast" : "a reserved";
        }
        return null;
    }

    // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64) and 2002:ab:cd:: (6to4).
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b;
        try {
            if (mapped || compatible || nat64) {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    static Rules parseRules(List<String> rules) {
        List<Cidr> networks = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String raw : rules) {
            String rule = raw.strip().toLowerCase(Locale.ROOT);
            if (rule.isEmpty()) {
                throw new IllegalArgumentException("empty entry in [feeds] allow");
            }
            String[] parts = rule.split("/", 2);
            if (isLiteral(parts[0])) {
                byte[] network = literal(parts[0], raw);
                int max = network.length * 8;
                int prefix;
                try {
                    prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : max;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad prefix length in [feeds] allow entry: " + raw);
                }
                if (prefix < 0 || prefix > max) {
                    throw new IllegalArgumentException("bad prefix length in [feeds] allow entry: " + raw);
                }
                networks.add(new Cidr(network, prefix));
            } else if (parts.length == 1 && rule.matches("[a-z0-9.-]+")) {
                hosts.add(rule);
            } else {
                throw new IllegalArgumentException("[feeds] allow entries are CIDRs or host names, got: " + raw);
            }
        }
        return new Rules(List.copyOf(networks), List.copyOf(hosts));
    }

    private static boolean isLiteral(String s) {
        return s.matches("[0-9.]+") && s.chars().filter(c -> c == '.').count() == 3
                || s.matches("[0-9a-f:.]+") && s.chars().filter(c -> c == ':').count() >= 2;
    }

    // Parses an IP literal without any DNS lookup.
    private static byte[] literal(String s, String raw) {
        try {
            if (s.contains(":")) {
                return InetAddress.getByName(s).getAddress();
            }
            String[] octets = s.split("\\.");
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(octets[i]);
                if (v < 0 || v > 255) {
                    throw new NumberFormatException();
                }
                out[i] = (byte) v;
            }
            return out;
        } catch (NumberFormatException | UnknownHostException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("bad address in [feeds] allow entry: " + raw);
        }
    }
}
