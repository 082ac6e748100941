package dev.parallax.claims;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Turns "Sunday", "last week" or "earlier this month" into calendar days, given when the article
 * was published (read in UTC: publish times carry no zone we can trust more). A weekday points
 * back to the latest such day on or before publication, or forward when the clause speaks of the
 * future ("will arrive on Sunday"). Without a publish time nothing is resolved.
 */
final class DateResolver {
    enum Tense { PAST, FUTURE }

    /** Relative spans we resolve; each names the days it covers relative to the publish date. */
    enum Span { TODAY, YESTERDAY, TOMORROW, THIS_WEEK, LAST_WEEK, NEXT_WEEK, THIS_MONTH, LAST_MONTH, NEXT_MONTH }

    private final LocalDate published;

    DateResolver(Instant published) {
        this.published = published == null ? null : LocalDate.ofInstant(published, ZoneOffset.UTC);
    }

    boolean knowsPublishDate() {
        return published != null;
    }

    Optional<LocalDate> weekday(DayOfWeek day, Tense tense) {
        if (published == null) {
            return Optional.empty();
        }
        return Optional.of(tense == Tense.FUTURE ? published.with(TemporalAdjusters.nextOrSame(day))
                : published.with(TemporalAdjusters.previousOrSame(day)));
    }

    /** [first, last] of a relative span. Weeks run Monday to Sunday. */
    Optional<LocalDate[]> span(Span span) {
        if (published == null) {
            return Optional.empty();
        }
        LocalDate monday = published.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate month = published.withDayOfMonth(1);
        LocalDate[] days = switch (span) {
            case TODAY -> new LocalDate[] {published, published};
            case YESTERDAY -> new LocalDate[] {published.minusDays(1), published.minusDays(1)};
            case TOMORROW -> new LocalDate[] {published.plusDays(1), published.plusDays(1)};
            case THIS_WEEK -> new LocalDate[] {monday, monday.plusDays(6)};
            case LAST_WEEK -> new LocalDate[] {monday.minusWeeks(1), monday.minusDays(1)};
            case NEXT_WEEK -> new LocalDate[] {monday.plusWeeks(1), monday.plusWeeks(1).plusDays(6)};
            case THIS_MONTH -> new LocalDate[] {month, month.plusMonths(1).minusDays(1)};
            case LAST_MONTH -> new LocalDate[] {month.minusMonths(1), month.minusDays(1)};
            case NEXT_MONTH -> new LocalDate[] {month.plusMonths(1), month.plusMonths(2).minusDays(1)};
        };
        return Optional.of(days);
    }

    /** The year a month and day without one most likely fall in: the one that puts them nearest the publish date. */
    Optional<LocalDate> monthDay(int month, int day) {
        if (published == null) {
            return Optional.empty();
        }
        LocalDate best = null;
        for (int y = published.getYear() - 1; y <= published.getYear() + 1; y++) {
            try {
                LocalDate d = LocalDate.of(y, month, day);
                if (best == null || Math.abs(d.toEpochDay() - published.toEpochDay())
                        < Math.abs(best.toEpochDay() - published.toEpochDay())) {
                    best = d;
                }
            } catch (java.time.DateTimeException e) {
                // 29 February in a year without one
            }
        }
        return Optional.ofNullable(best);
    }
}
