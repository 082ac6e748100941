package dev.parallax.chat.slack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Slack's mrkdwn: escaping plain text, links, and dates shown in each reader's own time zone. */
final class Mrkdwn {
    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("d MMM uuuu HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Mrkdwn() {
    }

    /** Plain text made safe: Slack reads &lt; &gt; &amp; as markup delimiters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String bold(String text) {
        return "*" + escape(text) + "*";
    }

    /** A link when the address is a web address Slack can open; otherwise just the label. */
    static String link(String url, String label) {
        String l = escape(label).replace("|", "¦");
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))
                || url.contains(">") || url.contains("|") || url.contains(" ")) {
            return l;
        }
        return "<" + url + "|" + l + ">";
    }

    /** A time Slack shows in the reader's zone, with a UTC fallback for old clients. */
    static String date(Instant t) {
        return "<!date^" + t.getEpochSecond() + "^{date_short_pretty} {time}|" + FALLBACK.format(t) + ">";
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
