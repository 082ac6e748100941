package dev.parallax.schedule;

import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chat platform in memory: it keeps every message it "posted", answers with scripted failures
 * first when told to, can "die" right after posting (the process is killed before the outbox
 * records the answer), and can look messages up by idempotency key like a platform that can.
 */
final class FakePlatform implements ChatPlatform {
    /** Thrown right after a post, standing for the process being killed at that instant. */
    static final class ProcessKilled extends Error {
        private static final long serialVersionUID = 1L;
    }

    record Post(String channel, String key, String threadParent, Delivery.Content content, String messageId) {
    }

    private final String name;
    private final boolean canLookUp;
    private final List<Post> posts = new ArrayList<>();
    private final Map<String, Deque<DeliveryResult>> scripts = new HashMap<>();
    private int calls;
    private int dieAfterPost = -1;
    private final java.util.Set<String> notServed = new java.util.HashSet<>();

    FakePlatform(String name, boolean canLookUp) {
        this.name = name;
        this.canLookUp = canLookUp;
    }

    /** The channel's next deliveries answer these instead of posting (a RetryLater, a Permanent...). */
    synchronized FakePlatform answer(String channelId, DeliveryResult... results) {
        scripts.computeIfAbsent(channelId, c -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    /** The process dies right after the {@code n}th successful post (1-based). */
    synchronized FakePlatform dieAfterPost(int n) {
        dieAfterPost = n;
        return this;
    }

    /** This instance does not serve the channel (another instance's Discord shard). */
    synchronized FakePlatform notServing(String channelId) {
        notServed.add(channelId);
        return this;
    }

    @Override
    public synchronized boolean serves(dev.parallax.chat.ChannelRef channel) {
        return !notServed.contains(channel.id());
    }

    synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    synchronized int calls() {
        return calls;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized DeliveryResult deliver(Delivery delivery) {
        calls++;
        Deque<DeliveryResult> script = scripts.get(delivery.channel().id());
        DeliveryResult scripted = script == null ? null : script.poll();
        if (scripted != null) {
            return scripted;
        }
        String id = name + "-m" + (posts.size() + 1);
        posts.add(new Post(delivery.channel().id(), delivery.idempotencyKey(), delivery.threadParent(),
                delivery.content(), id));
        if (posts.size() == dieAfterPost) {
            dieAfterPost = -1;
            throw new ProcessKilled();
        }
        return new DeliveryResult.Delivered(id);
    }

    @Override
    public synchronized Optional<String> findDelivered(Delivery delivery) {
        if (!canLookUp) {
            return Optional.empty();
        }
        return posts.stream().filter(p -> p.key().equals(delivery.idempotencyKey())).map(Post::messageId).findFirst();
    }
}
