package dev.parallax.ingest.page;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Line-level cleaning of extracted article text: the headline repeated above the text, date and
 * byline lines, photo credits, "Advert" and "Image 2 of 5" labels, link teasers ("Related: ...",
 * "READ MORE: ..."), and comment or newsletter prompts at the end. Outlet-independent.
 */
final class PageTextCleaner {
    private static final int HEAD_LINES = 6;
    private static final Set<String> LABELS = Set.of("advert", "advertisement", "ad", "sponsored", "tags", "tags:",
            "comments", "comment", "share", "share this", "share this article", "tweet", "email", "print", "updated",
            "related", "related articles", "related stories", "read more", "see also", "don't miss", "dont miss",
            "trending", "popular", "most popular", "most read", "latest", "more", "watch", "listen", "live",
            "watch now", "loading...", "close", "menu", "search", "skip to content", "skip to main content",
            "advertisement - scroll to continue", "story continues below advertisement", "continue reading",
            "this slideshow requires javascript.", "getty images", "ap", "reuters", "afp", "file photo");
    private static final Pattern LINK_TEASER = Pattern.compile(
            "(?i)^(related|read more|read also|see more|see also|more|watch|also read|recommended|don'?t miss"
                    + "|read next|up next|must read|also see)\\s*:.*");
    private static final Pattern IMAGE_COUNTER = Pattern.compile("(?i)^(image|photo|slide|picture)\\s+\\d+\\s+(of|/)\\s+\\d+$");
    private static final Pattern CREDIT = Pattern.compile(
            "(?i)^(\\(?(photo|image|picture|credit|source|foto|bild)s?( credit)?\\s*:.{0,80}\\)?|©.{0,80}"
                    + "|\\(image: .{0,60}\\))$");
    private static final Pattern BYLINE = Pattern.compile("(?i)^(by|von|por|par|di)\\s+\\p{Lu}[\\p{L}.'’-]*(\\s+[\\p{L}.'’-]+){0,5}"
            + "(\\s*(,|\\||and|&)\\s*.{0,60})?$");
    private static final Pattern DATE_WORD = Pattern.compile("(?iu)\\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|"
            + "june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s(day)?)?|"
            + "wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|janeiro|fevereiro|março|abril|maio|junho|"
            + "julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|"
            + "octubre|noviembre|diciembre|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|"
            + "avril|juin|juillet|août|septembre|octobre|novembre|décembre|gennaio|febbraio|aprile|maggio|giugno|"
            + "luglio|settembre|ottobre|dicembre)\\b\\.?");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}[:.h]\\d{2}\\s*([ap]\\.?m\\.?)?(\\s*[A-Z]{2,4})?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_MARKER = Pattern.compile("(?iu)^(posted|published|updated|last updated|modified"
            + "|publicado|atualizado|actualizado|veröffentlicht|aktualisiert|publié|mis à jour|pubblicato|aggiornato)"
            + "\\b.*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern TAIL_MARKERS = Pattern.compile("(?i)^(\\d+ comments?|comments?|leave a (comment|reply)"
            + "|tell us what you think.*|join the (conversation|discussion).*|related (articles|stories|posts|content)"
            + "|you (may|might) also like.*|recommended for you|more from .{1,40}|sign up for .{0,60}newsletter.*"
            + "|this document is subject to copyright.*|citation:?|more (great )?.{0,30} stories:?)$");
    private static final double TAIL_START = 0.6;
    // Calls to action: "Click here to subscribe...", "Follow us on Twitter", "Like this story? Share it".
    private static final Pattern PROMPT = Pattern.compile("(?iu)^(click|tap|subscribe|sign up|follow|get|like this|join"
            + "|listen|download|share|don'?t forget|want|have a tip).*\\b(subscribe|newsletters?|follow|click here"
            + "|sign up|inbox|app|share|twitter|facebook|instagram|youtube|podcast|download|email)\\b.*");
    private static final Pattern CONTRIBUTOR = Pattern.compile("(?iu)^(.{0,80}\\bcontributed( reporting)?( to this"
            + " (report|story|article))?|additional reporting by .{0,80}|reporting by .{0,80}|editing by .{0,80})\\.?$");
    private static final Pattern COPYRIGHT = Pattern.compile("(?iu)^(copyright\\b|©|\\(c\\) \\d{4}).{0,120}$|.{0,120}\\ball rights reserved\\b.{0,40}");
    private static final Pattern READING_TIME = Pattern.compile("(?iu)^((reading time|tempo de leitura|lesezeit|temps de lecture"
            + "|tiempo de lectura)\\s*:?\\s*\\d+.{0,12}|\\d+\\s*min(ute)?s?\\.? read)$");

    List<String> clean(List<String> lines, Collection<String> titles) {
        Set<String> titleKeys = new java.util.HashSet<>();
        for (String t : titles) {
            if (t != null && !t.isBlank()) {
                titleKeys.add(key(t));
            }
        }
        List<String> kept = new ArrayList<>();
        int cutAt = lines.size();
        for (int i = (int) (lines.size() * TAIL_START); i < lines.size(); i++) {
            if (TAIL_MARKERS.matcher(lines.get(i).strip()).matches()) {
                cutAt = i;
                break;
            }
        }
        for (int i = 0; i < cutAt; i++) {
            String line = lines.get(i).strip();
            if (i < HEAD_LINES && titleKeys.contains(key(line))) {
                continue;
            }
            if (isFurniture(line)) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    static boolean isFurniture(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return LABELS.contains(lower) || LINK_TEASER.matcher(line).matches() && words(line) <= 16
                || IMAGE_COUNTER.matcher(line).matches() || CREDIT.matcher(line).matches()
                || BYLINE.matcher(line).matches() && words(line) <= 10 || isDateLine(line)
                || PROMPT.matcher(line).matches() && words(line) <= 30 || CONTRIBUTOR.matcher(line).matches()
                || COPYRIGHT.matcher(line).matches() || READING_TIME.matcher(line).matches();
    }

    // A short line that is mostly a date or time and not a sentence: "Updated: 11:05, Tue, Nov 19, 2019".
    static boolean isDateLine(String line) {
        int words = words(line);
        if (words == 0 || words > 16 || line.endsWith(".") && !line.matches("(?i).*\\b[ap]\\.m\\.$")) {
            return false;
        }
        boolean marker = DATE_MARKER.matcher(line).matches();
        int dateBits = count(DATE_WORD, line) + 2 * count(NUMERIC_DATE, line) + count(YEAR, line) + count(CLOCK, line);
        if (marker && dateBits >= 1) {
            return true;
        }
        return dateBits >= 2 && dateBits * 2.5 >= words;
    }

    private static int count(Pattern p, String s) {
        return (int) p.matcher(s).results().count();
    }

    private static int words(String s) {
        return (int) WORD.matcher(s).results().count();
    }

    static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
