package dev.parallax.ingest.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The form of an article URL used to recognise the same article across feeds: lower-case scheme
 * and host, no default port, no fragment, and no tracking parameters (utm_*, fbclid, gclid...).
 */
public final class CanonicalUrl {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gclsrc", "msclkid", "mc_cid",
            "mc_eid", "igshid", "yclid", "_ga", "_gl", "ocid", "cmpid", "ncid", "smid", "__twitter_impression",
            "guccounter", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee");

    private CanonicalUrl() {
    }

    /** The canonical form, or empty when the text is not an absolute http(s) URL. */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI u;
        try {
            u = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(u.getHost().toLowerCase(Locale.ROOT));
        int port = u.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        out.append(path);
        String query = query(u.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return Optional.of(out.toString());
    }

    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }
}
