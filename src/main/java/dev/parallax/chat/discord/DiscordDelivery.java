package dev.parallax.chat.discord;

import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IPostContainer;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumPost;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * Posts the outbox's deliveries. A digest header is one message (split if long) in the channel;
 * each story opens its own thread (a post in a forum channel) holding its messages; a follow-up
 * goes into its story's thread. The returned id is what later messages attach to: the header's
 * first message, or the story's thread. Parts already posted are remembered per idempotency key,
 * and each message carries a nonce Discord enforces, so a retried delivery does not repeat itself.
 */
final class DiscordDelivery {
    private static final int MAX_UNFINISHED = 1000;
    private final DiscordConnection connection;
    private final DiscordRenderer renderer;
    private final boolean ownsAllShards;
    private final Duration timeout;
    // What a half-finished delivery already posted, so its retry picks up where it stopped; bounded,
    // since a delivery the outbox gives up on is never finished.
    private final Map<String, Progress> progress = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Progress> eldest) {
            return size() > MAX_UNFINISHED;
        }
    });

    private static final class Progress {
        String threadId;
        MessageChannel thread;
        final List<String> posted = new ArrayList<>();
    }

    DiscordDelivery(DiscordConnection connection, DiscordRenderer renderer, boolean ownsAllShards, Duration timeout) {
        this.connection = connection;
        this.renderer = renderer;
        this.ownsAllShards = ownsAllShards;
        this.timeout = timeout;
    }

    DeliveryResult deliver(Delivery delivery) {
        String channelId = delivery.channel().address();
        if (!connection.ready()) {
            return new DeliveryResult.RetryLater(null, "not connected to the Discord gateway yet");
        }
        GuildChannel channel = connection.channel(channelId);
        if (channel == null && connection.someGuildUnavailable()) {
            return new DeliveryResult.RetryLater(null, "channel " + channelId + " not visible while Discord reports"
                    + " some servers unavailable");
        }
        if (channel == null) {
            return ownsAllShards
                    ? new DeliveryResult.Permanent("Unknown Channel: the bot cannot see channel " + channelId
                            + " (deleted, or the bot is not in its server)")
                    : new DeliveryResult.RetryLater(null, "channel " + channelId + " is not on this instance's shards");
        }
        List<DiscordMessage> parts = renderer.delivery(delivery.content());
        Progress done = progress.computeIfAbsent(delivery.idempotencyKey(), k -> new Progress());
        try {
            DeliveryResult result = post(channel, delivery, parts, done);
            progress.remove(delivery.idempotencyKey());
            return result;
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            DeliveryResult result = DeliveryFailures.map(e, channelId);
            if (result instanceof DeliveryResult.Permanent) {
                progress.remove(delivery.idempotencyKey());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryLater(null, "interrupted while posting to Discord");
        }
    }

    private DeliveryResult post(GuildChannel channel, Delivery delivery, List<DiscordMessage> parts, Progress done)
            throws ExecutionException, TimeoutException, InterruptedException {
        Delivery.Content content = delivery.content();
        String key = delivery.idempotencyKey();
        if (content instanceof Delivery.FollowUp) {
            return followUp(channel, delivery.threadParent(), parts, key, done);
        }
        boolean ownThread = content instanceof Delivery.Story;
        if (channel instanceof IPostContainer forum) {
            return delivered(forumPost(forum, renderer.threadName(content), parts, key, done));
        }
        if (ownThread && channel instanceof IThreadContainer container && channel instanceof MessageChannel) {
            if (done.threadId == null) {
                ThreadChannel thread = await(container.createThreadChannel(renderer.threadName(content))
                        .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK));
                done.threadId = thread.getId();
                done.thread = thread;
            }
            sendAll(done.thread, parts, key, done);
            return delivered(done.threadId);
        }
        if (channel instanceof MessageChannel target) {
            sendAll(target, parts, key, done);
            return delivered(done.posted.get(0));
        }
        return unpostable(channel);
    }

    private String forumPost(IPostContainer forum, String name, List<DiscordMessage> parts, String key, Progress done)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (done.threadId == null) {
            ForumPost post = await(forum.createForumPost(name, JdaMessages.create(parts.get(0)))
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK));
            done.threadId = post.getThreadChannel().getId();
            done.thread = post.getThreadChannel();
            done.posted.add(post.getMessage().getId());
        }
        sendAll(done.thread, parts, key, done);
        return done.threadId;
    }

    // Into the story's thread; when that thread is gone or locked, into the channel itself.
    private DeliveryResult followUp(GuildChannel channel, String threadId, List<DiscordMessage> parts, String key,
                                    Progress done) throws ExecutionException, TimeoutException, InterruptedException {
        GuildChannel thread = threadId == null ? null : connection.channel(threadId);
        if (thread instanceof ThreadChannel t && !t.isLocked()) {
            try {
                sendAll(t, parts, key, done);
                return delivered(threadId);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof ErrorResponseException r) || !threadGone(r.getErrorResponse())) {
                    throw e;
                }
                done.posted.clear(); // the channel gets the whole follow-up
            }
        }
        if (channel instanceof IPostContainer forum) {
            return delivered(forumPost(forum, renderer.threadName(new Delivery.FollowUp("", "")), parts, key, done));
        }
        if (channel instanceof MessageChannel target) {
            sendAll(target, parts, key, done);
            return delivered(done.posted.get(0));
        }
        return unpostable(channel);
    }

    private static boolean threadGone(ErrorResponse r) {
        return r == ErrorResponse.UNKNOWN_CHANNEL || r == ErrorResponse.THREAD_LOCKED
                || r == ErrorResponse.ILLEGAL_OPERATION_ARCHIVED_THREAD;
    }

    private void sendAll(MessageChannel target, List<DiscordMessage> parts, String key, Progress done)
            throws ExecutionException, TimeoutException, InterruptedException {
        for (int i = done.posted.size(); i < parts.size(); i++) {
            Message m = await(target.sendMessage(JdaMessages.create(parts.get(i))).setNonce(nonce(key, i)));
            done.posted.add(m.getId());
        }
    }

    private <T> T await(RestAction<T> action) throws ExecutionException, TimeoutException, InterruptedException {
        return action.submit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static DeliveryResult delivered(String id) {
        return new DeliveryResult.Delivered(id);
    }

    // A category or voice channel takes no messages: as final as a missing channel.
    private static DeliveryResult unpostable(GuildChannel channel) {
        return new DeliveryResult.Permanent("channel " + channel.getId() + " is a " + channel.getType()
                + " channel, where the bot cannot post digests");
    }

    // Discord remembers a nonce for a few minutes and returns the first message for a repeat.
    static String nonce(String key, int part) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((key + "#" + part).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
