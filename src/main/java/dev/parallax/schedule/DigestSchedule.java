package dev.parallax.schedule;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * When a channel's digest is due: a time of day ("08:00") or a 5-field cron expression, in the
 * channel's IANA time zone. Times of day go through java.time, so a daylight-saving gap moves the
 * digest forward by the gap and an overlap sends it once, at the first occurrence.
 */
public final class DigestSchedule {
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

    private final String text;
    private final ZoneId zone;
    private final LocalTime timeOfDay;
    private final CronExpression cron;

    private DigestSchedule(String text, ZoneId zone, LocalTime timeOfDay, CronExpression cron) {
        this.text = text;
        this.zone = zone;
        this.timeOfDay = timeOfDay;
        this.cron = cron;
    }

    /** Parses a schedule; the message of the exception says what is wrong, for chat users too. */
    public static DigestSchedule parse(String text, String zoneName) {
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone \"" + zoneName + "\" (use an IANA name such as"
                    + " Europe/Berlin)");
        }
        String s = text.strip();
        Matcher m = TIME_OF_DAY.matcher(s);
        if (m.matches()) {
            return new DigestSchedule(s, zone, LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    null);
        }
        String[] fields = s.split("\\s+");
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
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            return new DigestSchedule(s, zone, null, cron);
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cron expression \"" + s + "\": " + e.getMessage());
        }
    }

    // Unix cron counts weekdays 0-7 from Sunday; Quartz counts 1-7 from Sunday.
    private static String quartzWeekdays(String field) {
        Matcher m = Pattern.compile("\\d+").matcher(field);
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
        if (timeOfDay != null) {
            ZonedDateTime local = t.atZone(zone);
            ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate(), timeOfDay, zone);
            if (!candidate.toInstant().isAfter(t)) {
                candidate = ZonedDateTime.of(local.toLocalDate().plusDays(1), timeOfDay, zone);
            }
            return candidate.toInstant();
        }
        Date next = cron.getNextValidTimeAfter(Date.from(t));
        if (next == null) {
            throw new IllegalStateException("cron schedule \"" + text + "\" never fires again");
        }
        return next.toInstant();
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return text + " " + zone;
    }
}
