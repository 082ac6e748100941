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
    @DisplayName("bad schedules and zones are refused with a message a chat user can act on")
    void badInput() {
        assertThatThrownBy(() -> DigestSchedule.parse("25:00", "UTC")).hasMessageContaining("HH:MM or a 5-field cron");
        assertThatThrownBy(() -> DigestSchedule.parse("08:00", "Mars/Olympus")).hasMessageContaining("unknown time zone");
        assertThatThrownBy(() -> DigestSchedule.parse("61 8 * * *", "UTC")).hasMessageContaining("invalid cron");
        assertThatThrownBy(() -> DigestSchedule.parse("0 8 1 * 1", "UTC")).hasMessageContaining("not both");
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
