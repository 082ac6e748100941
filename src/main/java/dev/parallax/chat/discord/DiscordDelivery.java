package dev.parallax.chat.discord;

import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
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
 * and each message carries a nonce Discord enforces, so a retried delivery does not repeat itself;
 * each also carries a mark of its key ({@link DeliveryMarks}), by which a restarted process finds
 * what its predecessor posted before it could record it.
 */
final class DiscordDelivery {
    private static final int MAX_UNFINISHED = 1000;
    // How far back a crash is looked for: enough for a restart, not for an outage of days.
    private static final int HISTORY = 100;
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
        List<DiscordMessage> parts = DeliveryMarks.mark(renderer.delivery(delivery.content()), delivery.idempotencyKey());
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

    /**
     * After a crash between posting and recording: where the delivery's marked messages already are.
     * Its id when every part arrived; otherwise empty, with the parts found (and the thread they
     * are in, or an empty thread of ours with its name) remembered, so that {@link #deliver} goes
     * on from there instead of opening a second thread. Looks where {@link #deliver} posts: the
     * channel's latest 100 messages, or the active threads of the channel with the delivery's name.
     */
    Optional<String> findDelivered(Delivery delivery) {
        if (!connection.ready()) {
            return Optional.empty();
        }
        GuildChannel channel = connection.channel(delivery.channel().address());
        if (channel == null) {
            return Optional.empty();
        }
        String token = DeliveryMarks.token(delivery.idempotencyKey());
        Delivery.Content content = delivery.content();
        try {
            if (content instanceof Delivery.FollowUp && delivery.threadParent() != null
                    && connection.channel(delivery.threadParent()) instanceof ThreadChannel thread) {
                Found inThread = search(thread, token);
                if (inThread.any()) {
                    return settle(delivery, inThread, thread, thread.getId());
                }
            }
            boolean ownThread = content instanceof Delivery.Story || channel instanceof IPostContainer;
            if (ownThread && channel instanceof IThreadContainer container) {
                Found empty = null;
                for (ThreadChannel thread : threadsNamed(container, renderer.threadName(content))) {
                    Found found = search(thread, token);
                    if (found.any()) {
                        return settle(delivery, found, thread, thread.getId());
                    }
                    if (found.messages() == 0 && empty == null) {
                        empty = new Found(Map.of(), 0, 0, thread);
                    }
                }
                if (empty != null && !(channel instanceof IPostContainer)) {
                    // The thread was opened, then the crash came before its first message: fill that one.
                    Progress resume = new Progress();
                    resume.threadId = empty.thread().getId();
                    resume.thread = empty.thread();
                    progress.put(delivery.idempotencyKey(), resume);
                }
                return Optional.empty();
            }
            if (channel instanceof MessageChannel target) {
                Found found = search(target, token);
                return found.any() ? settle(delivery, found, null, null) : Optional.empty();
            }
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            return Optional.empty(); // cannot tell (no Read Message History, Discord down): the outbox posts again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    // The marked parts of one delivery in a channel or thread: ids by part, how many parts it has.
    private record Found(Map<Integer, String> ids, int parts, int messages, MessageChannel thread) {
        boolean any() {
            return !ids.isEmpty();
        }
    }

    private Found search(MessageChannel where, String token)
            throws ExecutionException, TimeoutException, InterruptedException {
        long self = where.getJDA().getSelfUser().getIdLong();
        List<Message> latest = await(where.getHistory().retrievePast(HISTORY));
        Map<Integer, String> ids = new TreeMap<>();
        int parts = 0;
        for (Message m : latest) {
            if (m.getAuthor().getIdLong() != self) {
                continue;
            }
            Optional<DeliveryMarks.Mark> mark = markOf(m);
            if (mark.isPresent() && mark.get().token().equals(token)) {
                ids.put(mark.get().part(), m.getId());
                parts = Math.max(parts, mark.get().parts());
            }
        }
        return new Found(ids, parts, latest.size(), where);
    }

    private static Optional<DeliveryMarks.Mark> markOf(Message m) {
        List<MessageEmbed> embeds = m.getEmbeds();
        if (!embeds.isEmpty() && embeds.get(embeds.size() - 1).getFooter() != null) {
            return DeliveryMarks.read(embeds.get(embeds.size() - 1).getFooter().getText());
        }
        return DeliveryMarks.read(m.getContentRaw());
    }

    // Threads of ours under this channel with this name, newest first: the cached ones and the active ones.
    private List<ThreadChannel> threadsNamed(IThreadContainer container, String name)
            throws ExecutionException, TimeoutException, InterruptedException {
        long self = container.getJDA().getSelfUser().getIdLong();
        Map<Long, ThreadChannel> byId = new TreeMap<>(Comparator.reverseOrder());
        List<ThreadChannel> candidates = new ArrayList<>(container.getThreadChannels());
        candidates.addAll(await(container.getGuild().retrieveActiveThreads()));
        for (ThreadChannel t : candidates) {
            if (t.getParentChannel().getIdLong() == container.getIdLong() && t.getName().equals(name)
                    && t.getOwnerIdLong() == self) {
                byId.putIfAbsent(t.getIdLong(), t);
            }
        }
        return List.copyOf(byId.values());
    }

    // Every part there: delivered (the thread's id, or the first message's). Some: deliver goes on after them.
    private Optional<String> settle(Delivery delivery, Found found, MessageChannel thread, String threadId) {
        boolean whole = found.ids().size() == found.parts() && found.ids().containsKey(found.parts() - 1);
        if (whole) {
            return Optional.of(threadId != null ? threadId : found.ids().get(0));
        }
        Progress resume = new Progress();
        resume.threadId = threadId;
        resume.thread = thread;
        for (int i = 0; found.ids().containsKey(i); i++) {
            resume.posted.add(found.ids().get(i));
        }
        if (threadId != null || !resume.posted.isEmpty()) {
            progress.put(delivery.idempotencyKey(), resume);
        }
        return Optional.empty();
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
