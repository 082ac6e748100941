package dev.parallax.cluster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date an article's own text gives for it, when the feed gave none: a dateline near the top
 * ("May 03, 2013", "Published: 09th June 2013", "2013-05-03", "12 / 16 / 2008"), else the latest full date in
 * the text. A numeric date is read only when its order is plain ("16/12/2008" or "12/16/2008", not "05/03/2013",
 * which is March in London and May in New York): a wrong date would count against the right story.
 */
public final class TextDates {
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "\\s*,?\\s+" + YEAR
            + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "\\s*,?\\s+"
            + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile("\\b" + YEAR + "-(\\d{2})-(\\d{2})\\b");
    // Day and month in either order; extracted text often spaces the slashes ("05 / 03 / 2013").
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*" + YEAR + "\\b");
    private static final Pattern[] FORMS = {MONTH_DAY_YEAR, DAY_MONTH_YEAR, ISO, NUMERIC};
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final int DATELINE_CHARS = 400;

    private TextDates() {
    }

    /** The dateline in the first few hundred characters, else the latest full date anywhere, else null. */
    public static LocalDate of(String text) {
        String head = text.length() > DATELINE_CHARS ? text.substring(0, DATELINE_CHARS) : text;
        LocalDate dateline = first(head);
        return dateline != null ? dateline : latest(text);
    }

    private static LocalDate first(String text) {
        LocalDate best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Pattern p : FORMS) {
            Matcher m = p.matcher(text);
            if (m.find() && m.start() < bestAt) {
                LocalDate d = date(p, m);
                if (d != null) {
                    best = d;
                    bestAt = m.start();
                }
            }
        }
        return best;
    }

    private static LocalDate latest(String text) {
        LocalDate best = null;
        for (Pattern p : FORMS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                LocalDate d = date(p, m);
                if (d != null && (best == null || d.isAfter(best))) {
                    best = d;
                }
            }
        }
        return best;
    }

    private static LocalDate date(Pattern p, Matcher m) {
        try {
            if (p == NUMERIC) {
                return plainOrder(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (p == ISO) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            String month = p == MONTH_DAY_YEAR ? m.group(1) : m.group(2);
            String day = p == MONTH_DAY_YEAR ? m.group(2) : m.group(1);
            Integer mo = MONTHS.get(month.toLowerCase(Locale.ROOT).substring(0, 3));
            return mo == null ? null : LocalDate.of(Integer.parseInt(m.group(3)), mo, Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    // The reading both orders agree on: one part over 12 must be the day, or both parts are the same.
    private static LocalDate plainOrder(int first, int second, int year) {
        if (first == second || first > 12 && second <= 12) {
            return LocalDate.of(year, second, first);
        }
        if (second > 12 && first <= 12) {
            return LocalDate.of(year, first, second);
        }
        return null;
    }
}
