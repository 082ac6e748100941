package dev.parallax.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes page furniture from article text line by line while keeping the article: navigation
 * ("Skip to content"), comment and share widgets, donation blocks, "Read also" link lists, video
 * lengths, stray one-word labels, and teaser lines that the page repeats. Outlet-independent: it
 * only knows what such furniture looks like, never which site it came from.
 */
public final class PageJunkCleaner {
    // Whole lines that are never article text.
    private static final Set<String> JUNK_LINES = Set.of(
            "skip to content", "skip to main content", "jump to content", "menu", "search", "close",
            "subscribe", "notify of", "guest", "oldest", "newest", "newest most voted", "most voted",
            "inline feedbacks", "view all comments", "leave a comment", "leave a reply", "reply",
            "today", "latest", "trending", "advertisement", "sponsored", "share", "share this",
            "share this article", "tweet", "email", "print", "give", "donate", "code:", "x", "()",
            "related", "related articles", "related stories", "more stories", "read more", "read also",
            "read also:", "see also", "see also:", "watch", "listen", "loading...", "sign up", "log in",
            "login", "register", "follow us", "cookie settings", "accept", "back to top");
    // Lines that open a widget after which the page holds no more article text.
    private static final Pattern TAIL_MARKERS = Pattern.compile(
            "(?i)^(notify of|\\d+ comments?|comments|leave a (comment|reply)|read also:?|related (articles|stories|posts):?"
                    + "|you may also like:?|more from .{1,40}:?|recommended( for you)?:?)$");
    private static final Pattern MEDIA_LENGTH = Pattern.compile("^\\d{1,2}:\\d{2}(:\\d{2})?$");
    private static final Pattern NUMBER_ONLY = Pattern.compile("^[\\d\\s.,:()\\[\\]-]*$");
    private static final Pattern EMAIL_OR_URL_LINE = Pattern.compile(
            "(?i)^(\\(.{0,40}\\)\\s*)?(\\S+@\\S+\\.\\S+|https?://\\S+)$");
    private static final Pattern WIDGET_PROMPT = Pattern.compile(
            "(?i)^(would love your thoughts|please select your prefer+ed mode of payment|please comment"
                    + "|click here to|sign up for our newsletter|subscribe to our newsletter|all rights reserved"
                    + "|copyright ©|© \\d{4}).*");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-•*·▪–]\\s+)");
    // A lone all-caps code ("LWCAN") or short label without a verb, only junk when it stands alone.
    private static final Pattern ALL_CAPS_CODE = Pattern.compile("^[A-Z0-9]{3,12}$");
    private static final Pattern ELLIPSIS_END = Pattern.compile("(\\.\\.\\.|…)\\s*$");

    /** Cleaned text: one paragraph per line, junk removed, blank lines collapsed. */
    public String clean(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = BULLET.matcher(raw).replaceFirst("").strip().replace('\u00a0', ' ');
            if (TAIL_MARKERS.matcher(line).matches() && !lines.isEmpty()) {
                break;
            }
            if (!line.isEmpty() && !isJunk(line)) {
                lines.add(line);
            }
        }
        lines = dropRepeatedTeasers(lines);
        trimTrailingLabels(lines);
        return String.join("\n", lines);
    }

    private static boolean isJunk(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return JUNK_LINES.contains(lower)
                || MEDIA_LENGTH.matcher(line).matches()
                || NUMBER_ONLY.matcher(line).matches()
                || EMAIL_OR_URL_LINE.matcher(line).matches()
                || WIDGET_PROMPT.matcher(line).matches()
                || ALL_CAPS_CODE.matcher(line).matches();
    }

    /**
     * Teasers: a line the page repeats is kept once, unless it is a fragment cut mid-sentence
     * (starts in lower case), in which case every copy goes; a line ending in an ellipsis whose
     * text continues in another line is a truncated copy and goes.
     */
    private static List<String> dropRepeatedTeasers(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            counts.merge(key(line), 1, Integer::sum);
        }
        List<String> kept = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : lines) {
            String k = key(line);
            boolean repeated = counts.get(k) > 1;
            if (repeated && startsLowerCase(line)) {
                continue;
            }
            if (repeated && !seen.add(k)) {
                continue;
            }
            if (isTruncatedCopy(line, lines)) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    private static boolean isTruncatedCopy(String line, List<String> lines) {
        if (!ELLIPSIS_END.matcher(line).find()) {
            return false;
        }
        String prefix = key(ELLIPSIS_END.matcher(line).replaceFirst(""));
        if (prefix.length() < 20) {
            return false;
        }
        for (String other : lines) {
            if (other != line && key(other).startsWith(prefix) && key(other).length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsLowerCase(String line) {
        return Character.isLowerCase(line.codePointAt(0));
    }

    // Stray one- or two-word labels at the very end of a page ("Today", "Latest 12") are furniture.
    private static void trimTrailingLabels(List<String> lines) {
        while (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1);
            if (last.split("\\s+").length <= 2 && !last.matches(".*[.!?\"”]$")) {
                lines.remove(lines.size() - 1);
            } else {
                return;
            }
        }
    }

    private static String key(String line) {
        return line.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
