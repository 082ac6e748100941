package dev.parallax.schedule;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * When a channel's digest is due: a time of day ("08:00") or a 5-field cron expression, in the
 * channel's IANA time zone. Both are matched against the local wall clock (Quartz evaluates the
 * cron in UTC, where no clock ever jumps) and only then placed in the zone by java.time: a time in
 * a spring-forward gap moves forward by the gap, a time in a fall-back overlap fires once, at its
 * first occurrence. Digests are therefore never skipped and never doubled by a DST change.
 */
public final class DigestSchedule {
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern WEEKDAY_NUMBER = Pattern.compile("(?<![/\\d])\\d+");
    private static final int MAX_STEPS = 10_000;

    private final String text;
    private final ZoneId zone;
    private final CronExpression wallClock;

    private DigestSchedule(String text, ZoneId zone, CronExpression wallClock) {
        this.text = text;
        this.zone = zone;
        this.wallClock = wallClock;
    }

    /** Parses a schedule; the message of the exception says what is wrong, for chat users too. */
    public static DigestSchedule parse(String text, String zoneName) {
        ZoneId zone = zone(zoneName);
        String s = text == null ? "" : text.strip();
        Matcher m = TIME_OF_DAY.matcher(s);
        String[] fields = m.matches() ? new String[] {m.group(2), m.group(1), "*", "*", "*"} : s.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("schedule must be HH:MM or a 5-field cron expression"
                    + " (minute hour day-of-month month day-of-week), got \"" + s + "\"");
        }
        // Quartz wants seconds first and exactly one of day-of-month / day-of-week as "?".
        String dom = fields[2];
        String dow = fields[4];
        if (dow.equals("*")) {
            dow = "?";
        } else if (dom.equals("*")) {
            dom = "?";
        } else {
            throw new IllegalArgumentException("a cron schedule may restrict day-of-month or day-of-week, not both");
        }
        try {
            CronExpression cron = new CronExpression("0 " + fields[0] + " " + fields[1] + " " + dom + " " + fields[3]
                    + " " + quartzWeekdays(dow));
            cron.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
            DigestSchedule schedule = new DigestSchedule(s, zone, cron);
            schedule.nextAfter(Instant.EPOCH); // refuses a cron that never fires ("0 0 30 2 *")
            return schedule;
        } catch (ParseException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("invalid cron expression \"" + s + "\": " + e.getMessage());
        }
    }

    /** The zone by IANA name, or a message a chat user can act on. */
    public static ZoneId zone(String zoneName) {
        try {
            return ZoneId.of(zoneName == null ? "" : zoneName.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone \"" + zoneName + "\" (use an IANA name such as"
                    + " Europe/Berlin)");
        }
    }

    // Unix cron counts weekdays 0-7 from Sunday; Quartz counts 1-7 from Sunday. Steps ("*/2") stay as they are.
    private static String quartzWeekdays(String field) {
        Matcher m = WEEKDAY_NUMBER.matcher(field);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int unix = Integer.parseInt(m.group());
            if (unix > 7) {
                throw new IllegalArgumentException("day-of-week " + unix + " is out of range 0-7");
            }
            m.appendReplacement(out, Integer.toString(unix % 7 + 1));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The first scheduled instant strictly after {@code t}. */
    public Instant nextAfter(Instant t) {
        LocalDateTime wall = LocalDateTime.ofInstant(t, zone);
        for (int i = 0; i < MAX_STEPS; i++) {
            Date next = wallClock.getNextValidTimeAfter(Date.from(wall.toInstant(ZoneOffset.UTC)));
            if (next == null) {
                break;
            }
            wall = LocalDateTime.ofInstant(next.toInstant(), ZoneOffset.UTC);
            ZonedDateTime at = ZonedDateTime.ofLocal(wall, zone, null); // gap: shifted forward; overlap: earlier
            if (at.toInstant().isAfter(t)) {
                return at.toInstant();
            }
            // Only when t lies in the second pass of an overlap and this wall time's first pass is behind it.
            ZonedDateTime later = at.withLaterOffsetAtOverlap();
            if (later.toInstant().isAfter(t)) {
                return later.toInstant();
            }
        }
        throw new IllegalStateException("schedule \"" + text + "\" never fires again");
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return text + " " + zone;
    }
}
