package dev.parallax.chat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A feed address typed in a chat, checked and normalised: http or https, a public host name or
 * address, no user name or password. The fetcher still guards every request (redirects, DNS);
 * this catches typos and plainly internal addresses with a message the user can act on.
 */
public record FeedUrl(String url, String name) {
    private static final int MAX_LENGTH = 2000;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** A typed address, accepted or refused with the reason. */
    public sealed interface Parsed {
        record Valid(FeedUrl url) implements Parsed {
        }

        record Invalid(String reason) implements Parsed {
        }
    }

    public static Parsed parse(String typed) {
        String text = unwrap(typed == null ? "" : typed.strip());
        if (text.isEmpty()) {
            return new Parsed.Invalid("no address given");
        }
        if (text.length() > MAX_LENGTH || text.chars().anyMatch(ch -> ch <= ' ')) {
            return new Parsed.Invalid("an address is one word of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return new Parsed.Invalid("\"" + text + "\" is not a valid web address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Parsed.Invalid(scheme.isEmpty() ? "it needs to start with https:// or http://"
                    : "only http and https addresses can be followed, not " + scheme + ":");
        }
        if (uri.getRawUserInfo() != null) {
            return new Parsed.Invalid("addresses with a user name or password are not accepted");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return new Parsed.Invalid("\"" + text + "\" has no host name");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (isInternal(host)) {
            return new Parsed.Invalid(host + " is a local or private address");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String normal = scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String name = host.startsWith("www.") ? host.substring(4) : host;
        return new Parsed.Valid(new FeedUrl(normal, name));
    }

    // Slack sends links as <https://x|label> or <https://x> when the command escapes links.
    private static String unwrap(String text) {
        if (text.startsWith("<") && text.endsWith(">")) {
            String inner = text.substring(1, text.length() - 1);
            int bar = inner.indexOf('|');
            return bar >= 0 ? inner.substring(0, bar) : inner;
        }
        return text;
    }

    private static boolean isInternal(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal")) {
            return true;
        }
        try {
            InetAddress a;
            if (IPV4.matcher(host).matches()) {
                a = InetAddress.getByAddress(ipv4(host));
            } else if (host.startsWith("[") && host.endsWith("]")) {
                // A string with colons is parsed as an IPv6 literal, never looked up in DNS.
                a = InetAddress.getByName(host.substring(1, host.length() - 1));
            } else {
                return false;
            }
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress() || isUniqueLocal(a);
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static byte[] ipv4(String host) throws UnknownHostException {
        String[] parts = host.split("\\.");
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                throw new UnknownHostException(host);
            }
            out[i] = (byte) octet;
        }
        return out;
    }

    private static boolean isUniqueLocal(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }
}
