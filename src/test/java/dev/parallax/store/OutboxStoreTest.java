package dev.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parallax.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The outbox as several instances share it: unique keys, claims per channel, leases, fencing. */
class OutboxStoreTest extends StoreContract {
    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final Set<String> FAKE = Set.of("fake");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-01T08:00:00Z"));

    /** Queues a digest for the channel: a header and {@code stories} messages in its thread. */
    private static void queue(Database db, MutableClock clock, String channel, int stories) {
        queue(db, clock, channel, "p", stories);
    }

    private static void queue(Database db, MutableClock clock, String channel, String period, int stories) {
        ChannelStore channels = new ChannelStore(db, clock);
        ChannelRow row = channels.register(channel, channel.substring(0, channel.indexOf(':')),
                channel.substring(channel.indexOf(':') + 1));
        List<OutboxItem> items = new ArrayList<>();
        String header = channel + "|" + period + "|header";
        items.add(new OutboxItem(header, null, "header", "{}"));
        for (int i = 0; i < stories; i++) {
            items.add(new OutboxItem(channel + "|" + period + "|story|" + i, header, "story", "{}"));
        }
        new OutboxStore(db, clock).enqueue(new OutboxStore.Batch(channel, row.digestCount(), null, clock.instant(),
                items, List.of()));
    }

    @Test
    @DisplayName("queueing a message again under its key adds nothing; the database itself refuses a second row with that key")
    void idempotencyKeyIsUniqueInTheDatabase() throws Exception {
        Database db = db();
        queue(db, clock, "fake:a", 1);

        ChannelRow channel = new ChannelStore(db, clock).find("fake:a").orElseThrow();
        OutboxStore.EnqueueOutcome again = new OutboxStore(db, clock).enqueue(new OutboxStore.Batch("fake:a",
                channel.digestCount(), null, clock.instant(), List.of(new OutboxItem("fake:a|p|header", null, "header",
                "{}")), List.of()));

        assertThat(again).isEqualTo(new OutboxStore.EnqueueOutcome.Queued(0));
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO outbox("
                + "idempotency_key, channel_id, kind, payload, status, next_attempt_at, created_at)"
                + " VALUES ('fake:a|p|header', 'fake:a', 'header', '{}', 'pending', 'x', 'x')")) {
            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class);
        }
        assertThat(statuses(db)).hasSize(2);
    }

    @Test
    @DisplayName("a header is claimed before the stories threaded under it, which then carry its platform id")
    void parentsFirst() {
        Database db = db();
        queue(db, clock, "fake:a", 2);
        OutboxStore outbox = new OutboxStore(db, clock);

        List<ClaimedDelivery> first = outbox.claimDue(FAKE, LEASE, 10);
        boolean done = outbox.markDone(first.get(0), "m-header");
        List<ClaimedDelivery> second = outbox.claimDue(FAKE, LEASE, 10);

        assertThat(first).extracting(ClaimedDelivery::key).containsExactly("fake:a|p|header");
        assertThat(done).isTrue();
        assertThat(second).extracting(ClaimedDelivery::key).containsExactly("fake:a|p|story|0", "fake:a|p|story|1");
        assertThat(second).extracting(ClaimedDelivery::parentMessageId).containsOnly("m-header");
        assertThat(second).allSatisfy(d -> assertThat(d.recovered()).isFalse());
    }

    @Test
    @DisplayName("only the platforms an instance runs are claimed by it")
    void claimsOnlyItsPlatforms() {
        Database db = db();
        queue(db, clock, "fake:a", 0);
        queue(db, clock, "slack:C1", 0);
        OutboxStore outbox = new OutboxStore(db, clock);

        List<ClaimedDelivery> fake = outbox.claimDue(FAKE, LEASE, 10);
        List<ClaimedDelivery> none = outbox.claimDue(Set.of(), LEASE, 10);

        assertThat(fake).extracting(ClaimedDelivery::channelId).containsExactly("fake:a");
        assertThat(none).isEmpty();
        assertThat(statuses(db)).containsEntry("slack:C1|p|header", "pending");
    }

    @Test
    @DisplayName("a second instance skips a channel while the first sends it, takes it over once the lease runs out, and then only its outcome counts")
    void leaseTakeoverAndFencing() {
        Database one = db();
        Database two = databases.open(); // another instance: its own pool on the same database
        queue(one, clock, "fake:a", 0);
        queue(one, clock, "fake:b", 0);
        OutboxStore first = new OutboxStore(one, clock);
        OutboxStore second = new OutboxStore(two, clock);

        ClaimedDelivery a = first.claimDue(FAKE, LEASE, 1).get(0);
        List<ClaimedDelivery> meanwhile = second.claimDue(FAKE, LEASE, 10);
        meanwhile.forEach(d -> second.markDone(d, "m-b"));
        clock.advance(LEASE.plusSeconds(1)); // the first instance stalls past its lease
        List<ClaimedDelivery> takenOver = second.claimDue(FAKE, LEASE, 10);
        boolean staleRenew = first.renew(a, LEASE);
        boolean staleDone = first.markDone(a, "m-stale");
        boolean done = second.markDone(takenOver.get(0), "m-new");

        assertThat(a.channelId()).isEqualTo("fake:a");
        assertThat(meanwhile).extracting(ClaimedDelivery::channelId).containsExactly("fake:b");
        assertThat(takenOver).extracting(ClaimedDelivery::key).containsExactly("fake:a|p|header");
        assertThat(takenOver.get(0).recovered()).isTrue();
        assertThat(takenOver.get(0).attempts()).isEqualTo(2);
        assertThat(staleRenew).isFalse();
        assertThat(staleDone).isFalse();
        assertThat(done).isTrue();
        assertThat(messageId(one, "fake:a|p|header")).isEqualTo("m-new");
    }

    @Test
    @DisplayName("a renewed lease keeps the row with its claimer")
    void renewedLeaseHolds() {
        Database one = db();
        queue(one, clock, "fake:a", 0);
        OutboxStore first = new OutboxStore(one, clock);
        OutboxStore second = new OutboxStore(databases.open(), clock);

        ClaimedDelivery a = first.claimDue(FAKE, LEASE, 1).get(0);
        clock.advance(LEASE.minusSeconds(5));
        boolean renewed = first.renew(a, LEASE);
        clock.advance(Duration.ofSeconds(10)); // past the first lease, within the renewed one
        List<ClaimedDelivery> other = second.claimDue(FAKE, LEASE, 10);

        assertThat(renewed).isTrue();
        assertThat(other).isEmpty();
        assertThat(first.markDone(a, "m1")).isTrue();
    }

    @Test
    @DisplayName("instances claiming at the same moment never get the same row, nor hold one channel at once")
    void concurrentClaimsNeverOverlap() throws Exception {
        Database setup = db();
        int channels = 16;
        int periods = 3;
        for (int i = 0; i < channels; i++) {
            for (int p = 0; p < periods; p++) {
                queue(setup, clock, String.format("fake:c%02d", i), "p" + p, 0);
            }
        }
        int claimers = 4;
        List<OutboxStore> stores = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            stores.add(new OutboxStore(i % 2 == 0 ? setup : databases.open(), clock));
        }
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        List<String> clashes = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<ClaimedDelivery>>> runs = new ArrayList<>();
        for (OutboxStore store : stores) {
            runs.add(pool.submit(() -> {
                go.await();
                List<ClaimedDelivery> mine = new ArrayList<>();
                for (List<ClaimedDelivery> got = store.claimDue(FAKE, LEASE, 4); !got.isEmpty();
                     got = store.claimDue(FAKE, LEASE, 4)) {
                    Set<String> held = new HashSet<>();
                    got.forEach(d -> held.add(d.channelId()));
                    held.stream().filter(ch -> !inFlight.add(ch)).forEach(clashes::add);
                    inFlight.removeAll(held); // before the rows are done: from then on another may take the channel
                    got.forEach(d -> store.markDone(d, "m-" + d.key())); // what a drain does with its batch
                    mine.addAll(got);
                }
                return mine;
            }));
        }

        go.countDown();
        List<ClaimedDelivery> all = new ArrayList<>();
        for (Future<List<ClaimedDelivery>> run : runs) {
            all.addAll(run.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(clashes).isEmpty();
        assertThat(all).extracting(ClaimedDelivery::key).doesNotHaveDuplicates().hasSize(channels * periods);
        assertThat(new HashSet<>(statuses(setup).values())).containsExactly("done");
    }

    @Test
    @DisplayName("start-up recovery takes rows in flight back at once only on an unshared database; on a shared one their lease decides")
    void startUpRecoveryOnlyWhenAlone() {
        Database before = db();
        queue(before, clock, "fake:a", 0);
        new OutboxStore(before, clock).claimDue(FAKE, LEASE, 10);
        OutboxStore restarted = new OutboxStore(databases.open(), clock);

        int recovered = restarted.recoverInFlight();
        List<ClaimedDelivery> now = restarted.claimDue(FAKE, LEASE, 10);

        if (before.shared()) {
            assertThat(recovered).isZero();
            assertThat(now).isEmpty();
        } else {
            assertThat(recovered).isEqualTo(1);
            assertThat(now).extracting(ClaimedDelivery::recovered).containsExactly(true);
        }
    }

    @Test
    @DisplayName("giving a header up gives up its whole thread; pruning keeps the latest delivered header and what marks point to")
    void deadThreadsAndPruning() {
        Database db = db();
        queue(db, clock, "fake:a", 2);
        OutboxStore outbox = new OutboxStore(db, clock);
        queue(db, clock, "fake:b", 0);

        for (ClaimedDelivery header : outbox.claimDue(FAKE, LEASE, 10)) {
            if (header.channelId().equals("fake:a")) {
                outbox.markDead(header, "gone");
            } else {
                outbox.markDone(header, "m-b");
            }
        }
        clock.advance(Duration.ofDays(40));
        int pruned = outbox.prune(Duration.ofDays(30));

        assertThat(pruned).isEqualTo(3); // fake:a's header and its two stories; fake:b's only header stays
        assertThat(statuses(db)).containsOnlyKeys("fake:b|p|header");
        assertThat(outbox.latestDelivered("fake:b", "header")).contains("{}");
    }

    private static Map<String, String> statuses(Database db) {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, status FROM outbox");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return Collections.unmodifiableMap(out);
        });
    }

    private static String messageId(Database db, String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id FROM outbox WHERE idempotency_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}
