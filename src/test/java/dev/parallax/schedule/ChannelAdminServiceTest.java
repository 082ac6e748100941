package dev.parallax.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parallax.MutableClock;
import dev.parallax.chat.ChannelAdmin;
import dev.parallax.chat.ChannelRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelAdminServiceTest {
    private static final ChannelRef CHANNEL = new ChannelRef("fake", "C123");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-01T06:00:00Z"));
    private final List<String> rebooked = new ArrayList<>();

    @Test
    @DisplayName("a channel seen first in a command is registered with no schedule; settings show what commands set")
    void settingsRoundTrip() {
        ScheduleFixture f = new ScheduleFixture(dir, clock);
        ChannelAdminService admin = new ChannelAdminService(f.channels, f.outbox, f.digests, rebooked::add);

        ChannelAdmin.ChannelSettings fresh = admin.settings(CHANNEL);
        admin.setSchedule(CHANNEL, " 0 8 * * 1-5 ", "Europe/Berlin");
        admin.setTopics(CHANNEL, List.of("climate change", "energy"), List.of("football"));
        ChannelAdmin.ChannelSettings set = admin.settings(CHANNEL);
        admin.scheduleOff(CHANNEL);

        assertThat(fresh).isEqualTo(new ChannelAdmin.ChannelSettings(null, "UTC", true, null, List.of(), List.of()));
        assertThat(set).isEqualTo(new ChannelAdmin.ChannelSettings("0 8 * * 1-5", "Europe/Berlin", true, null,
                List.of("climate change", "energy"), List.of("football")));
        assertThat(admin.settings(CHANNEL).schedule()).isNull();
        assertThat(rebooked).containsExactly(CHANNEL.id(), CHANNEL.id());
    }

    @Test
    @DisplayName("a bad schedule or zone is refused with a message for the user, and nothing changes")
    void badSchedule() {
        ScheduleFixture f = new ScheduleFixture(dir, clock);
        ChannelAdminService admin = new ChannelAdminService(f.channels, f.outbox, f.digests, rebooked::add);
        admin.setSchedule(CHANNEL, "08:00", "UTC");

        assertThatThrownBy(() -> admin.setSchedule(CHANNEL, "8 o'clock", "UTC")).hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> admin.setSchedule(CHANNEL, "08:00", "Berlin")).hasMessageContaining("unknown time zone");
        assertThat(admin.settings(CHANNEL).schedule()).isEqualTo("08:00");
        assertThat(rebooked).hasSize(1);
    }

    @Test
    @DisplayName("setting a schedule re-enables a disabled channel (its digests resume from now); schedule off does not")
    void setScheduleReEnables() {
        ScheduleFixture f = new ScheduleFixture(dir, clock);
        f.addSeeds("000", "001");
        ChannelAdminService admin = new ChannelAdminService(f.channels, f.outbox, f.digests, rebooked::add);
        assertThat(admin.setSchedule(CHANNEL, "08:00", "UTC")).isEmpty();
        f.channels.disable(CHANNEL.id(), "channel_not_found");
        admin.scheduleOff(CHANNEL);
        boolean enabledAfterOff = admin.settings(CHANNEL).enabled();
        clock.set(Instant.parse("2025-09-01T07:00:00Z"));

        Optional<String> wasStopped = admin.setSchedule(CHANNEL, "07:30", "UTC");
        clock.set(Instant.parse("2025-09-01T07:30:00Z"));
        DigestPlan plan = f.digests.runDue(CHANNEL.id());

        assertThat(enabledAfterOff).isFalse();
        assertThat(wasStopped).contains("channel_not_found");
        assertThat(admin.settings(CHANNEL)).isEqualTo(new ChannelAdmin.ChannelSettings("07:30", "UTC", true, null,
                List.of(), List.of()));
        assertThat(plan).isInstanceOf(DigestPlan.Due.class);
        assertThat(f.built).extracting(ChannelDigestService.Built::stories).containsExactly(1);
        assertThat(rebooked).containsExactly(CHANNEL.id(), CHANNEL.id(), CHANNEL.id());
    }

    @Test
    @DisplayName("a new schedule counts from now: setting 06:00 at 07:00 sends nothing until tomorrow")
    void newScheduleCountsFromNow() {
        ScheduleFixture f = new ScheduleFixture(dir, clock);
        ChannelAdminService admin = new ChannelAdminService(f.channels, f.outbox, f.digests, rebooked::add);
        clock.set(Instant.parse("2025-09-01T07:00:00Z"));

        admin.setSchedule(CHANNEL, "06:00", "UTC");

        assertThat(f.digests.runDue(CHANNEL.id())).isEqualTo(new DigestPlan.NotDue(Instant.parse("2025-09-02T06:00:00Z")));
    }

    @Test
    @DisplayName("digest now queues the stories at once; the latest digest is the one the platform confirmed")
    void digestNowAndLatest() {
        ScheduleFixture f = new ScheduleFixture(dir, clock);
        f.addSeeds("000", "001");
        ChannelAdminService admin = new ChannelAdminService(f.channels, f.outbox, f.digests, rebooked::add);

        int queued = admin.postDigestNow(CHANNEL);
        boolean beforeDelivery = admin.latestDigest(CHANNEL).isPresent();
        clock.advance(Duration.ofSeconds(1));
        f.dispatcher(new FakePlatform("fake", true)).drain(10);

        assertThat(queued).isEqualTo(1);
        assertThat(beforeDelivery).isFalse();
        assertThat(admin.latestDigest(CHANNEL)).hasValueSatisfying(h -> assertThat(h.stories()).hasSize(1));
        assertThat(admin.postDigestNow(CHANNEL)).isZero(); // nothing new since
    }
}
