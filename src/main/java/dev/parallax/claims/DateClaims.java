package dev.parallax.claims;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Dates tied to an event: weekdays ("arrived on Sunday"), relative dates ("last week", "earlier
 * this month", "yesterday"), calendar dates ("Aug. 31", "31 August 2025") and years ("in 2022").
 * With a publish time each becomes calendar days; without one a weekday stays a weekday name.
 */
final class DateClaims {
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("monday", DayOfWeek.MONDAY, "tuesday",
            DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY, "friday",
            DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY, "sunday", DayOfWeek.SUNDAY);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("april", 4), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10),
            Map.entry("oct", 10), Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12),
            Map.entry("dec", 12));
    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    // Words in a clause that put a weekday ahead of the publish time rather than behind it.
    private static final Set<String> FUTURE_CUES = Set.of("will", "would", "'ll", "expected", "scheduled", "set",
            "due", "plans", "planned", "plan", "next", "upcoming", "slated", "tomorrow");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern DAY_NUMBER = Pattern.compile("[1-9]|[12]\\d|3[01]");

    private final AnchorFinder anchors;

    DateClaims(AnchorFinder anchors) {
        this.anchors = anchors;
    }

    /** Extracts a date starting at token i; returns how many tokens it took (0 when none starts there). */
    int at(SentenceView s, int i, List<Claim> out) {
        String lower = s.lower(i);
        DayOfWeek weekday = WEEKDAYS.get(lower);
        if (weekday != null && s.tokens.get(i).isCapitalized()) {
            weekday(s, i, weekday, out);
            return 1;
        }
        int relative = relative(s, i, out);
        if (relative > 0) {
            return relative;
        }
        Integer month = MONTHS.get(lower);
        if (month != null && s.tokens.get(i).isCapitalized()) {
            return monthFirst(s, i, month, out);
        }
        if (DAY_NUMBER.matcher(lower).matches() && i + 1 < s.size() && MONTHS.containsKey(s.lower(i + 1))
                && s.lower(i + 1).length() > 3 && s.tokens.get(i + 1).isCapitalized()) {
            return dayFirst(s, i, MONTHS.get(s.lower(i + 1)), out);
        }
        if (YEAR.matcher(lower).matches() && isDatedYear(s, i)) {
            anchors.find(s, i, i + 1, AnchorFinder.Mode.EVENT).ifPresent(a -> out.add(ClaimExtractor.claim(s,
                    ClaimKind.YEAR, "year|" + a.subject(), (a.verb() ? "year " : "year of ") + a.describe(),
                    new ClaimValue.Label(lower), s.word(i), EventWords.isOneDay(a.key()), a.clear())));
            return 1;
        }
        return 0;
    }

    private void weekday(SentenceView s, int i, DayOfWeek day, List<Claim> out) {
        String name = ClaimValue.When.weekdayName(day);
        DateResolver.Tense tense = s.clauseHas(i, FUTURE_CUES) ? DateResolver.Tense.FUTURE : DateResolver.Tense.PAST;
        Optional<LocalDate> date = s.dates.weekday(day, tense);
        ClaimValue.When value = new ClaimValue.When(name, day, date.orElse(null), date.orElse(null));
        anchors.find(s, i, i + 1, AnchorFinder.Mode.EVENT).ifPresent(a -> out.add(dayClaim(s, a, value, s.word(i),
                a.clear())));
    }

    private static Claim dayClaim(SentenceView s, Anchor a, ClaimValue.When value, String surface, boolean clear) {
        // One day per event: a verb with its actor ("Putin arrived") or a one-day event ("the parade").
        boolean single = EventWords.isOneDay(a.key()) && (!a.verb() || !a.actor().isEmpty());
        return ClaimExtractor.claim(s, ClaimKind.DATE, "day|" + a.subject(),
                (a.verb() ? "day " : "day of ") + a.describe(), value, surface, single, clear);
    }

    // "yesterday", "last week", "earlier this month", "next month"
    private int relative(SentenceView s, int i, List<Claim> out) {
        String w = s.lower(i);
        String next = i + 1 < s.size() ? s.lower(i + 1) : "";
        String next2 = i + 2 < s.size() ? s.lower(i + 2) : "";
        DateResolver.Span span = null;
        int taken = 1;
        switch (w) {
            case "yesterday" -> span = DateResolver.Span.YESTERDAY;
            case "today", "tonight" -> span = DateResolver.Span.TODAY;
            case "tomorrow" -> span = DateResolver.Span.TOMORROW;
            case "last", "this", "next" -> {
                if (next.equals("week") || next.equals("month")) {
                    span = DateResolver.Span.valueOf((w.equals("last") ? "LAST" : w.equals("this") ? "THIS" : "NEXT")
                            + "_" + next.toUpperCase(Locale.ROOT));
                    taken = 2;
                }
            }
            case "earlier", "later" -> {
                if (next.equals("this") && (next2.equals("week") || next2.equals("month"))) {
                    span = DateResolver.Span.valueOf("THIS_" + next2.toUpperCase(Locale.ROOT));
                    taken = 3;
                }
            }
            default -> {
                return 0;
            }
        }
        if (span == null) {
            return 0;
        }
        String label = s.span(i, i + taken).toLowerCase(Locale.ROOT);
        Optional<LocalDate[]> days = s.dates.span(span);
        ClaimValue.When value = new ClaimValue.When(label, span == DateResolver.Span.YESTERDAY
                || span == DateResolver.Span.TODAY || span == DateResolver.Span.TOMORROW
                ? days.map(d -> d[0].getDayOfWeek()).orElse(null) : null,
                days.map(d -> d[0]).orElse(null), days.map(d -> d[1]).orElse(null));
        int end = i + taken;
        anchors.find(s, i, end, AnchorFinder.Mode.EVENT).ifPresent(a -> out.add(dayClaim(s, a, value,
                s.span(i, end), a.clear())));
        return taken;
    }

    // "Aug. 31", "August 31, 2025"
    private int monthFirst(SentenceView s, int i, int month, List<Claim> out) {
        int k = i + 1;
        if (k < s.size() && s.word(k).equals(".")) {
            k++;
        }
        if (k >= s.size() || !DAY_NUMBER.matcher(s.lower(k)).matches()) {
            return 0;
        }
        int day = Integer.parseInt(s.lower(k));
        int end = k + 1;
        Integer year = null;
        if (end + 1 < s.size() && s.word(end).equals(",") && YEAR.matcher(s.lower(end + 1)).matches()) {
            year = Integer.parseInt(s.lower(end + 1));
            end += 2;
        } else if (end < s.size() && YEAR.matcher(s.lower(end)).matches()) {
            year = Integer.parseInt(s.lower(end));
            end++;
        }
        calendar(s, i, end, month, day, year, out);
        return end - i;
    }

    // "31 August", "31 August 2025"
    private int dayFirst(SentenceView s, int i, int month, List<Claim> out) {
        int day = Integer.parseInt(s.lower(i));
        int end = i + 2;
        Integer year = null;
        if (end < s.size() && YEAR.matcher(s.lower(end)).matches()) {
            year = Integer.parseInt(s.lower(end));
            end++;
        }
        calendar(s, i, end, month, day, year, out);
        return end - i;
    }

    private void calendar(SentenceView s, int start, int end, int month, int day, Integer year, List<Claim> out) {
        Optional<LocalDate> date;
        try {
            date = year != null ? Optional.of(LocalDate.of(year, month, day)) : s.dates.monthDay(month, day);
        } catch (DateTimeException e) {
            return; // "February 30": not a date we can state
        }
        String label = day + " " + MONTH_NAMES[month - 1] + (year == null ? "" : " " + year);
        ClaimValue.When value = new ClaimValue.When(label, date.map(LocalDate::getDayOfWeek).orElse(null),
                date.orElse(null), date.orElse(null));
        anchors.find(s, start, end, AnchorFinder.Mode.EVENT).ifPresent(a -> out.add(dayClaim(s, a, value,
                s.span(start, end), a.clear())));
    }

    // A year, not a count: "in 2022", "February 2022", "since 2017".
    private static boolean isDatedYear(SentenceView s, int i) {
        if (i == 0) {
            return false;
        }
        String before = s.lower(i - 1);
        return before.equals("in") || before.equals("since") || before.equals("of") && i > 1
                || Places.isCalendarWord(before);
    }
}
