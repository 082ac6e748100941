package dev.parallax.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A feed address typed in a chat, checked and normalised: http or https, a host, no user name or
 * password. This catches typos with a message the user can act on; whether the host may be
 * fetched (public, or on the configured allow-list) is for the SSRF guard behind
 * {@link FeedRegistration}, which also guards every later request (redirects, DNS).
 */
public record FeedUrl(String url, String name) {
    private static final int MAX_LENGTH = 2000;

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
}
