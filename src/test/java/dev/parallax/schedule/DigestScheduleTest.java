package dev.parallax.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    @DisplayName("spring forward: a 01:30 digest on the day 01:30 does not exist comes at 02:30 local, not never")
    void springForwardGap() {
        // 2025-03-30: London clocks jump from 01:00 GMT to 02:00 BST.
        DigestSchedule schedule = DigestSchedule.parse("01:30", "Europe/London");

        List<Instant> fires = fires(schedule, Instant.parse("2025-03-28T12:00:00Z"), 4);

        assertThat(fires).containsExactly(
                Instant.parse("2025-03-29T01:30:00Z"),  // 01:30 GMT
                Instant.parse("2025-03-30T01:30:00Z"),  // 02:30 BST: moved forward by the gap
                Instant.parse("2025-03-31T00:30:00Z"),  // 01:30 BST
                Instant.parse("2025-04-01T00:30:00Z"));
    }

    @Test
    @DisplayName("fall back: a 01:30 digest on the day 01:30 happens twice is sent once")
    void fallBackOverlap() {
        // 2025-10-26: London clocks go back from 02:00 BST to 01:00 GMT, so 01:30 occurs twice.
        DigestSchedule schedule = DigestSchedule.parse("01:30", "Europe/London");

        List<Instant> fires = fires(schedule, Instant.parse("2025-10-25T12:00:00Z"), 3);

        assertThat(fires).containsExactly(
                Instant.parse("2025-10-26T00:30:00Z"),  // the first 01:30 (BST)
                Instant.parse("2025-10-27T01:30:00Z"),  // next day, 01:30 GMT
                Instant.parse("2025-10-28T01:30:00Z"));
    }

    @Test
    @DisplayName("a weekday cron in a zone fires Monday to Friday at local time")
    void cronWeekdays() {
        DigestSchedule schedule = DigestSchedule.parse("0 18 * * 1-5", "America/New_York");

        List<Instant> fires = fires(schedule, Instant.parse("2025-11-01T00:00:00Z"), 5); // a Saturday

        assertThat(fires).extracting(i -> i.atZone(ZoneId.of("America/New_York")).getDayOfWeek())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY);
        assertThat(fires).extracting(i -> i.atZone(ZoneId.of("America/New_York")).getHour()).containsOnly(18);
        assertThat(DigestSchedule.parse("30 7 * * 0", "UTC").nextAfter(Instant.parse("2025-11-01T00:00:00Z"))
                .atZone(LONDON).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    @Test
    @DisplayName("America/New_York at 01:30: spring forward leaves 01:30 alone, fall back sends it once")
    void newYorkAtHalfPastOne() {
        // 2025-03-09: 02:00 EST jumps to 03:00 EDT; 2025-11-02: 02:00 EDT falls back to 01:00 EST.
        DigestSchedule schedule = DigestSchedule.parse("01:30", "America/New_York");

        assertThat(fires(schedule, Instant.parse("2025-03-08T12:00:00Z"), 3)).containsExactly(
                Instant.parse("2025-03-09T06:30:00Z"),  // 01:30 EST, before the jump
                Instant.parse("2025-03-10T05:30:00Z"),  // 01:30 EDT
                Instant.parse("2025-03-11T05:30:00Z"));
        assertThat(fires(schedule, Instant.parse("2025-11-01T12:00:00Z"), 3)).containsExactly(
                Instant.parse("2025-11-02T05:30:00Z"),  // the first 01:30 (EDT); the second (06:30Z) is not sent
                Instant.parse("2025-11-03T06:30:00Z"),  // 01:30 EST
                Instant.parse("2025-11-04T06:30:00Z"));
    }

    @Test
    @DisplayName("America/New_York at 02:30: the time that does not exist on the spring-forward day becomes 03:30")
    void newYorkGap() {
        DigestSchedule schedule = DigestSchedule.parse("02:30", "America/New_York");

        assertThat(fires(schedule, Instant.parse("2025-03-08T12:00:00Z"), 3)).containsExactly(
                Instant.parse("2025-03-09T07:30:00Z"),  // 03:30 EDT: moved forward by the gap
                Instant.parse("2025-03-10T06:30:00Z"),  // 02:30 EDT
                Instant.parse("2025-03-11T06:30:00Z"));
    }

    @Test
    @DisplayName("a cron at 01:30 behaves like the time of day across both DST changes, in both zones")
    void cronAcrossDst() {
        for (String zone : List.of("Europe/London", "America/New_York")) {
            DigestSchedule cron = DigestSchedule.parse("30 1 * * *", zone);
            DigestSchedule daily = DigestSchedule.parse("01:30", zone);
            for (String from : List.of("2025-03-07T00:00:00Z", "2025-03-28T00:00:00Z", "2025-10-24T00:00:00Z",
                    "2025-10-31T00:00:00Z")) {
                List<Instant> fires = fires(cron, Instant.parse(from), 5);

                assertThat(fires).as(zone + " from " + from).isEqualTo(fires(daily, Instant.parse(from), 5));
                assertThat(fires).extracting(i -> i.atZone(ZoneId.of(zone)).toLocalDate()).doesNotHaveDuplicates()
                        .allSatisfy(d -> assertThat(d).isAfterOrEqualTo(fires.get(0).atZone(ZoneId.of(zone))
                                .toLocalDate()));
                assertThat(fires.get(4).atZone(ZoneId.of(zone)).toLocalDate())
                        .isEqualTo(fires.get(0).atZone(ZoneId.of(zone)).toLocalDate().plusDays(4));
            }
        }
    }

    @Test
    @DisplayName("an every-15-minutes cron neither repeats the fall-back hour nor invents times in the spring gap")
    void quarterHourCronAcrossDst() {
        DigestSchedule cron = DigestSchedule.parse("*/15 * * * *", "Europe/London");

        List<Instant> spring = fires(cron, Instant.parse("2025-03-30T00:30:00Z"), 4); // 00:30 GMT
        List<Instant> fall = fires(cron, Instant.parse("2025-10-26T00:30:00Z"), 6);   // 01:30 BST

        assertThat(spring).containsExactly(Instant.parse("2025-03-30T00:45:00Z"),  // 00:45 GMT
                Instant.parse("2025-03-30T01:00:00Z"),  // 01:00 GMT does not exist: 02:00 BST
                Instant.parse("2025-03-30T01:15:00Z"),  // 02:15 BST
                Instant.parse("2025-03-30T01:30:00Z"));
        assertThat(fall).containsExactly(Instant.parse("2025-10-26T00:45:00Z"),  // 01:45 BST
                Instant.parse("2025-10-26T02:00:00Z"),  // 02:00 GMT: the repeated hour 01:00-01:59 GMT is not re-run
                Instant.parse("2025-10-26T02:15:00Z"), Instant.parse("2025-10-26T02:30:00Z"),
                Instant.parse("2025-10-26T02:45:00Z"), Instant.parse("2025-10-26T03:00:00Z"));
    }

    @Test
    @DisplayName("cron weekdays use the Unix numbering (0 and 7 are Sunday) and keep steps as steps")
    void cronWeekdayNumbers() {
        Instant saturday = Instant.parse("2025-11-01T12:00:00Z");

        assertThat(DigestSchedule.parse("0 9 * * 7", "UTC").nextAfter(saturday))
                .isEqualTo(Instant.parse("2025-11-02T09:00:00Z"));
        assertThat(fires(DigestSchedule.parse("0 9 * * 1-5/2", "UTC"), saturday, 3)) // Mon, Wed, Fri
                .extracting(i -> i.atZone(ZoneId.of("UTC")).getDayOfWeek())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    }

    @Test
    @DisplayName("bad schedules and zones are refused with a message a chat user can act on")
    void badInput() {
        assertThatThrownBy(() -> DigestSchedule.parse("25:00", "UTC")).hasMessageContaining("HH:MM or a 5-field cron");
        assertThatThrownBy(() -> DigestSchedule.parse("08:00", "Mars/Olympus")).hasMessageContaining("unknown time zone");
        assertThatThrownBy(() -> DigestSchedule.parse("61 8 * * *", "UTC")).hasMessageContaining("invalid cron");
        assertThatThrownBy(() -> DigestSchedule.parse("0 8 1 * 1", "UTC")).hasMessageContaining("not both");
        assertThatThrownBy(() -> DigestSchedule.parse("0 8 30 2 *", "UTC")).hasMessageContaining("never fires");
        assertThatThrownBy(() -> DigestSchedule.parse(" ", "UTC")).hasMessageContaining("HH:MM or a 5-field cron");
    }

    private static List<Instant> fires(DigestSchedule schedule, Instant from, int n) {
        List<Instant> out = new ArrayList<>();
        Instant t = from;
        for (int i = 0; i < n; i++) {
            t = schedule.nextAfter(t);
            out.add(t);
        }
        return out;
    }
}
