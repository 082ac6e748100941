package dev.parallax.claims;

import static dev.parallax.claims.ClaimsFixture.article;
import static dev.parallax.claims.ClaimsFixture.claims;
import static dev.parallax.claims.ClaimsFixture.compare;
import static dev.parallax.claims.ClaimsFixture.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DateClaimsTest {
    // Monday 1 September 2025, 08:00 UTC
    private static final Instant MONDAY = Instant.parse("2025-09-01T08:00:00Z");

    private static ClaimValue.When when(Instant published, String sentence) {
        List<Claim> dates = of(claims(article("a", published, sentence)), ClaimKind.DATE);
        assertThat(dates).as(sentence).hasSize(1);
        return (ClaimValue.When) dates.get(0).value();
    }

    @Test
    @DisplayName("a weekday is resolved against the publish time: back for the past, ahead for the future")
    void weekdayResolved() {
        ClaimValue.When past = when(MONDAY, "Putin arrived in Tianjin on Sunday.");
        ClaimValue.When future = when(MONDAY, "Putin will fly to Beijing on Wednesday.");

        assertThat(past.first()).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(past.canonical()).isEqualTo("Sunday 2025-08-31");
        assertThat(future.first()).isEqualTo(LocalDate.of(2025, 9, 3));
    }

    @Test
    @DisplayName("without a publish time a weekday stays a weekday name")
    void weekdayKept() {
        ClaimValue.When v = when(null, "Putin arrived in Tianjin on Sunday.");

        assertThat(v.first()).isNull();
        assertThat(v.canonical()).isEqualTo("Sunday");
    }

    @Test
    @DisplayName("relative dates become spans: yesterday, last week, earlier this month")
    void relativeDates() {
        assertThat(when(MONDAY, "Putin arrived in Tianjin yesterday.").first()).isEqualTo(LocalDate.of(2025, 8, 31));
        ClaimValue.When lastWeek = when(MONDAY, "Xi met Modi last week.");
        assertThat(lastWeek.first()).isEqualTo(LocalDate.of(2025, 8, 25));
        assertThat(lastWeek.last()).isEqualTo(LocalDate.of(2025, 8, 31));
        ClaimValue.When thisMonth = when(MONDAY, "Xi met Modi earlier this month.");
        assertThat(thisMonth.first()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(when(null, "Xi met Modi last week.").canonical()).isEqualTo("last week");
    }

    @Test
    @DisplayName("a calendar date takes the publish year and its weekday, so 'Aug. 31' agrees with 'Sunday'")
    void calendarDates() {
        ClaimComparison c = compare(
                article("a", MONDAY, "Putin arrived in Tianjin on Aug. 31."),
                article("b", null, "Putin arrived in Tianjin on Sunday."),
                article("c", MONDAY, "Putin arrived in Tianjin on Thursday."));

        assertThat(c.divergences()).singleElement().satisfies(d -> {
            assertThat(d.about()).isEqualTo("day Putin arrived");
            assertThat(d.values()).extracting(Divergence.Side::value)
                    .containsExactlyInAnyOrder("Sunday 2025-08-31", "Sunday", "Thursday 2025-08-28");
        });
    }

    @Test
    @DisplayName("an unresolved 'yesterday' cannot be compared with 'Sunday': neither divergence nor backing")
    void incomparable() {
        ClaimComparison c = compare(
                article("a", "Putin arrived in Tianjin yesterday."),
                article("b", "Putin arrived in Tianjin on Sunday."));

        assertThat(c.divergences()).isEmpty();
        assertThat(c.agreements()).filteredOn(a -> a.about().equals("day Putin arrived"))
                .allSatisfy(a -> assertThat(a.singleSource()).isTrue()).hasSize(2);
    }

    @Test
    @DisplayName("a trial runs for days: Wednesday in one outlet and Thursday in another is no divergence")
    void multiDayEvent() {
        ClaimComparison c = compare(
                article("a", "Paul spoke during the impeachment trial on Wednesday."),
                article("b", "Paul will roil the impeachment trial on Thursday."));

        assertThat(c.divergences()).isEmpty();
    }

    @Test
    @DisplayName("a date next to a reporting verb is when it was said, never compared")
    void reportingVerb() {
        List<Claim> dates = of(claims(article("a", "The Kremlin said on Friday that Putin would travel.")),
                ClaimKind.DATE);

        assertThat(dates).isEmpty();
    }
}
