package dev.parallax.chat.discord;

import dev.parallax.chat.CommandReply;
import dev.parallax.chat.CommandRequest;
import dev.parallax.chat.CommandService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A command service double for adapter tests: fixed replies per command text, an optional delay
 * per text (to force a deferral), and a record of every request the adapter made.
 */
final class FixedCommands implements CommandService {
    private final Map<String, CommandReply> replies = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final List<CommandRequest> received = new CopyOnWriteArrayList<>();
    private final List<CommandReply.StoryHit> hits;

    FixedCommands(List<CommandReply.StoryHit> hits) {
        this.hits = hits;
    }

    FixedCommands answer(String text, CommandReply reply) {
        replies.put(text, reply);
        return this;
    }

    FixedCommands slowly(String text, long millis, CommandReply reply) {
        delays.put(text, millis);
        return answer(text, reply);
    }

    List<CommandRequest> received() {
        return List.copyOf(received);
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        received.add(request);
        Long delay = delays.get(request.text());
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return replies.getOrDefault(request.text(), new CommandReply.Problem("Unknown command: " + request.text()));
    }

    @Override
    public List<CommandReply.StoryHit> suggestStories(String typed, int limit) {
        return hits.stream().filter(h -> h.headline().toLowerCase().contains(typed.toLowerCase())).limit(limit)
                .toList();
    }
}
