package dev.parallax.chat;

import dev.parallax.digest.BriefCache;
import dev.parallax.digest.Digest;
import dev.parallax.digest.StoryBrief;
import dev.parallax.store.SearchStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code /parallax} subcommands over the store and the channel ports. Reading (digest, story,
 * claims, sources, search, feeds, and showing the schedule or topics) is open to everyone; changing
 * what a channel gets (digest now, subscribe, unsubscribe, schedule, topics) needs an admin.
 */
public final class ParallaxCommands implements CommandService {
    private static final int SEARCH_LIMIT = 8;
    private static final int MAX_TOPICS = 20;
    private static final int MAX_TOPIC_LENGTH = 40;
    private static final Pattern LOOKS_LIKE_TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final Pattern TOPIC_SEPARATORS = Pattern.compile("[\\s,;]+");

    private final SearchStore search;
    private final BriefCache briefs;
    private final ChannelAdmin admin;
    private final ChannelFeeds feeds;
    private final String command;

    /** {@code command} is how users type it ("/parallax"), for help and hints. */
    public ParallaxCommands(SearchStore search, BriefCache briefs, ChannelAdmin admin, ChannelFeeds feeds,
                            String command) {
        this.search = search;
        this.briefs = briefs;
        this.admin = admin;
        this.feeds = feeds;
        this.command = command;
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        Subcommand cmd = Subcommand.parse(request.text());
        return switch (cmd.name()) {
            case "", "help" -> new CommandReply.Message(HelpText.of(command), true);
            case "digest" -> digest(request, cmd);
            case "story" -> story("story", cmd.rest(), CommandReply.Focus.OVERVIEW);
            case "claims" -> story("claims", cmd.rest(), CommandReply.Focus.CLAIMS);
            case "sources" -> story("sources", cmd.rest(), CommandReply.Focus.SOURCES);
            case "search" -> search(cmd.rest());
            case "feeds" -> feeds(request.channel());
            case "subscribe" -> subscribe(request, cmd.rest());
            case "unsubscribe" -> unsubscribe(request, cmd.rest());
            case "schedule" -> schedule(request, cmd);
            case "topics" -> topics(request, cmd);
            default -> unknown(cmd.name());
        };
    }

    @Override
    public List<CommandReply.StoryHit> suggestStories(String typed, int limit) {
        return search.suggest(typed, limit).stream()
                .map(s -> new CommandReply.StoryHit(s.id(), s.headline(), s.outlets(), "")).toList();
    }

    private CommandReply digest(CommandRequest request, Subcommand cmd) {
        if (cmd.words().isEmpty()) {
            return latestDigest(request.channel());
        }
        if (!cmd.option().equals("now") || cmd.words().size() > 1) {
            return new CommandReply.Problem("digest takes nothing or \"now\": " + command + " digest shows the latest, "
                    + command + " digest now posts a fresh one.");
        }
        if (!request.admin()) {
            return notAdmin("post a digest now");
        }
        int stories = admin.postDigestNow(request.channel());
        return new CommandReply.Message(stories == 0
                ? "No stories changed since this channel's last digest, so there is nothing new to post."
                : "Posting a digest of " + count(stories, "story", "stories") + " here now.", true);
    }

    private CommandReply latestDigest(ChannelRef channel) {
        Optional<Delivery.DigestHeader> header = admin.latestDigest(channel);
        if (header.isEmpty()) {
            return new CommandReply.Message("No digest has been posted in this channel yet. An admin can post one"
                    + " now with " + command + " digest now.", true);
        }
        List<StoryBrief> stories = new ArrayList<>();
        for (Delivery.StoryLine line : header.get().stories()) {
            briefs.brief(line.storyId()).ifPresent(stories::add);
        }
        if (stories.isEmpty()) {
            return new CommandReply.Message("The stories of this channel's last digest are no longer stored.", true);
        }
        return new CommandReply.DigestView(header.get().title(), new Digest(stories), true);
    }

    private CommandReply story(String name, String typed, CommandReply.Focus focus) {
        String query = typed.strip();
        if (query.isEmpty()) {
            return new CommandReply.Problem("Which story? Give its id or a few words, for example: " + command + " "
                    + name + " summit in Tianjin");
        }
        Optional<String> id = findStory(query);
        if (id.isEmpty()) {
            return new CommandReply.Problem("No story matches \"" + shorten(query) + "\". Try other words, or "
                    + command + " search " + shorten(query) + " to see what there is.");
        }
        Optional<StoryBrief> brief = briefs.brief(id.get());
        if (brief.isEmpty()) {
            return new CommandReply.Problem("Story " + id.get() + " has no articles any more.");
        }
        return new CommandReply.StoryView(brief.get(), focus, true);
    }

    // An id (as shown in digests, maybe pasted with its code quotes) or else the best search match.
    private Optional<String> findStory(String query) {
        String token = query.replaceAll("^[`'\"“]+|[`'\"”]+$", "");
        if (!token.isEmpty() && token.chars().noneMatch(Character::isWhitespace)) {
            Optional<SearchStore.StoryRow> byId = search.story(token);
            if (byId.isPresent()) {
                return Optional.of(byId.get().id());
            }
        }
        return search.search(query, 1).stream().findFirst().map(h -> h.story().id());
    }

    private CommandReply search(String words) {
        if (words.isBlank()) {
            return new CommandReply.Problem("Search for what? For example: " + command + " search Tianjin summit");
        }
        List<CommandReply.StoryHit> hits = search.search(words, SEARCH_LIMIT).stream()
                .map(h -> new CommandReply.StoryHit(h.story().id(), h.story().headline(), h.story().outlets(),
                        h.snippet()))
                .toList();
        return new CommandReply.SearchResults(words.strip(), hits);
    }

    private CommandReply feeds(ChannelRef channel) {
        List<ChannelFeeds.Feed> list = feeds.feeds(channel);
        if (list.isEmpty()) {
            return new CommandReply.Message("This channel follows no feeds yet. An admin can add one: " + command
                    + " subscribe https://example.com/feed.xml", true);
        }
        StringBuilder out = new StringBuilder("This channel follows ").append(count(list.size(), "feed", "feeds"))
                .append(':');
        for (int i = 0; i < list.size(); i++) {
            ChannelFeeds.Feed f = list.get(i);
            out.append('\n').append(i + 1).append(". ").append(f.name()).append(": ").append(f.url());
        }
        out.append("\nTo stop one: ").append(command).append(" unsubscribe <number>");
        return new CommandReply.Message(out.toString(), true);
    }

    private CommandReply subscribe(CommandRequest request, String typed) {
        if (!request.admin()) {
            return notAdmin("change this channel's feeds");
        }
        if (typed.isBlank()) {
            return new CommandReply.Problem("Subscribe to which feed? For example: " + command
                    + " subscribe https://example.com/feed.xml");
        }
        FeedUrl.Parsed parsed = FeedUrl.parse(typed);
        if (parsed instanceof FeedUrl.Parsed.Invalid invalid) {
            return new CommandReply.Problem("That feed address will not work: " + invalid.reason()
                    + ". For example: " + command + " subscribe https://example.com/feed.xml");
        }
        FeedUrl url = ((FeedUrl.Parsed.Valid) parsed).url();
        ChannelFeeds.Subscribed outcome = feeds.subscribe(request.channel(), url, request.userId());
        if (outcome instanceof ChannelFeeds.Subscribed.Refused refused) {
            return new CommandReply.Problem("That feed address will not work: " + refused.reason() + ".");
        }
        return outcome instanceof ChannelFeeds.Subscribed.Added added
                ? new CommandReply.Message("This channel now follows " + followed(url, added.feedUrl())
                        + "; its digest holds only the stories its feeds cover.", false)
                : new CommandReply.Message("This channel already follows " + followed(url,
                        ((ChannelFeeds.Subscribed.AlreadyFollowed) outcome).feedUrl()) + ".", true);
    }

    // A home page given for a feed is followed through the feed it announces; say which one.
    private static String followed(FeedUrl typed, String feedUrl) {
        return feedUrl.equals(typed.url()) ? feedUrl : feedUrl + " (the feed " + typed.url() + " announces)";
    }

    private CommandReply unsubscribe(CommandRequest request, String typed) {
        if (!request.admin()) {
            return notAdmin("change this channel's feeds");
        }
        String which = typed.strip();
        if (which.isEmpty()) {
            return new CommandReply.Problem("Unsubscribe from which feed? Give its number from " + command
                    + " feeds, or its address.");
        }
        List<ChannelFeeds.Feed> list = feeds.feeds(request.channel());
        Optional<ChannelFeeds.Feed> target = pick(list, which);
        if (target.isEmpty() || !feeds.unsubscribe(request.channel(), target.get().url())) {
            return new CommandReply.Problem("This channel does not follow \"" + shorten(which) + "\". " + command
                    + " feeds lists its feeds with their numbers.");
        }
        String rest = feeds.feeds(request.channel()).isEmpty()
                ? " It follows no feeds now, so its digest holds every story again." : "";
        return new CommandReply.Message("This channel no longer follows " + target.get().url() + "." + rest, false);
    }

    private static Optional<ChannelFeeds.Feed> pick(List<ChannelFeeds.Feed> list, String which) {
        if (which.matches("\\d{1,4}")) {
            int n = Integer.parseInt(which);
            return n >= 1 && n <= list.size() ? Optional.of(list.get(n - 1)) : Optional.empty();
        }
        if (FeedUrl.parse(which) instanceof FeedUrl.Parsed.Valid valid) {
            Optional<ChannelFeeds.Feed> byUrl = list.stream().filter(f -> f.url().equals(valid.url().url())).findFirst();
            if (byUrl.isPresent()) {
                return byUrl;
            }
            Optional<ChannelFeeds.Feed> bySite = onlyFeedOfHomePage(list, valid.url());
            if (bySite.isPresent()) {
                return bySite;
            }
        }
        return list.stream().filter(f -> f.name().equalsIgnoreCase(which) || f.url().equals(which)).findFirst();
    }

    // A home page stands for the one followed feed on its site (subscribe followed the feed it announced);
    // with two feeds there, or a deeper page, it stands for none: the number says which.
    private static Optional<ChannelFeeds.Feed> onlyFeedOfHomePage(List<ChannelFeeds.Feed> list, FeedUrl typed) {
        URI page = URI.create(typed.url());
        if (!page.getRawPath().equals("/") || page.getRawQuery() != null) {
            return Optional.empty();
        }
        List<ChannelFeeds.Feed> onSite = list.stream().filter(f -> FeedUrl.parse(f.url()) instanceof FeedUrl.Parsed.Valid v
                && v.url().name().equals(typed.name())).toList();
        return onSite.size() == 1 ? Optional.of(onSite.get(0)) : Optional.empty();
    }

    private CommandReply schedule(CommandRequest request, Subcommand cmd) {
        List<String> words = cmd.words();
        if (words.isEmpty()) {
            return new CommandReply.Message(describeSchedule(admin.settings(request.channel())), true);
        }
        if (!request.admin()) {
            return notAdmin("change this channel's schedule");
        }
        if (words.size() == 1 && cmd.option().equals("off")) {
            admin.scheduleOff(request.channel());
            return new CommandReply.Message("Scheduled digests are off for this channel. " + command
                    + " digest now still posts one.", false);
        }
        String spec;
        String zone;
        if (LOOKS_LIKE_TIME.matcher(words.get(0)).matches()) {
            if (words.size() > 2) {
                return scheduleProblem("After the time, give at most a time zone");
            }
            spec = words.get(0);
            zone = words.size() == 2 ? words.get(1) : admin.settings(request.channel()).zone();
        } else {
            if (words.size() > 6) {
                return scheduleProblem("A cron schedule has 5 fields, then at most a time zone");
            }
            spec = String.join(" ", words.subList(0, Math.min(5, words.size())));
            zone = words.size() == 6 ? words.get(5) : admin.settings(request.channel()).zone();
        }
        Optional<String> wasStopped;
        try {
            wasStopped = admin.setSchedule(request.channel(), spec, zone);
        } catch (IllegalArgumentException e) {
            return scheduleProblem(sentence(e.getMessage()));
        }
        String set = "Digests will be posted here " + when(spec, zone) + ".";
        return new CommandReply.Message(wasStopped.isEmpty() ? set : set + " Deliveries to this channel had been"
                + " stopped (" + sentence(wasStopped.get(), "no reason was kept") + ") and are on again.", false);
    }

    private CommandReply scheduleProblem(String why) {
        return new CommandReply.Problem(why + ". For example: " + command + " schedule 08:00 Europe/Berlin, or "
                + command + " schedule 0 8 * * 1-5 America/New_York");
    }

    private String describeSchedule(ChannelAdmin.ChannelSettings s) {
        String text = s.schedule() == null
                ? "This channel has no digest schedule. An admin can set one: " + command + " schedule 08:00 "
                        + s.zone()
                : "Digests are posted here " + when(s.schedule(), s.zone()) + ".";
        if (!s.enabled()) {
            text += " Deliveries to this channel are stopped: " + sentence(s.disabledReason(), "no reason was kept")
                    + ". An admin setting a schedule here turns them on again.";
        }
        return text;
    }

    private static String when(String spec, String zone) {
        return LOOKS_LIKE_TIME.matcher(spec).matches() ? "every day at " + spec + " (" + zone + ")"
                : "on the cron schedule " + spec + " (" + zone + ")";
    }

    private CommandReply topics(CommandRequest request, Subcommand cmd) {
        if (cmd.words().isEmpty()) {
            return new CommandReply.Message(describeTopics(admin.settings(request.channel())), true);
        }
        String option = cmd.option();
        if (!option.equals("include") && !option.equals("exclude") && !option.equals("clear")) {
            return new CommandReply.Problem("topics takes include, exclude or clear, for example: " + command
                    + " topics include climate energy");
        }
        if (!request.admin()) {
            return notAdmin("change this channel's topics");
        }
        List<String> words = topicWords(cmd.afterOption());
        if (words.size() > MAX_TOPICS || words.stream().anyMatch(w -> w.length() > MAX_TOPIC_LENGTH)) {
            return new CommandReply.Problem("Give at most " + MAX_TOPICS + " topic words of at most "
                    + MAX_TOPIC_LENGTH + " letters each.");
        }
        if (option.equals("clear") && !words.isEmpty()) {
            return new CommandReply.Problem("topics clear takes no words; it removes every topic filter.");
        }
        ChannelAdmin.ChannelSettings now = admin.settings(request.channel());
        switch (option) {
            case "include" -> admin.setTopics(request.channel(), words, now.exclude());
            case "exclude" -> admin.setTopics(request.channel(), now.include(), words);
            default -> admin.setTopics(request.channel(), List.of(), List.of());
        }
        return new CommandReply.Message(describeTopics(admin.settings(request.channel())), false);
    }

    private static List<String> topicWords(String text) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String w : TOPIC_SEPARATORS.split(text.strip())) {
            if (!w.isBlank()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }

    private static String describeTopics(ChannelAdmin.ChannelSettings s) {
        if (s.include().isEmpty() && s.exclude().isEmpty()) {
            return "No topic filters: every story goes into this channel's digest.";
        }
        StringBuilder out = new StringBuilder();
        if (!s.include().isEmpty()) {
            out.append("Only stories that mention one of these go into this channel's digest: ")
                    .append(String.join(", ", s.include())).append('.');
        }
        if (!s.exclude().isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append("Stories that mention any of these are left out: ")
                    .append(String.join(", ", s.exclude())).append('.');
        }
        return out.toString();
    }

    private CommandReply unknown(String name) {
        String closest = HelpText.closest(name);
        return new CommandReply.Problem("There is no \"" + shorten(name) + "\" command."
                + (closest == null ? "" : " Did you mean " + command + " " + closest + "?")
                + " " + command + " help lists them all.");
    }

    private CommandReply notAdmin(String what) {
        return new CommandReply.Problem("Only admins can " + what + ". Ask a workspace admin, or someone in the"
                + " Parallax admin group.");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    private static String sentence(String message) {
        String s = sentence(message, "That schedule is not valid");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    // The message without its final full stop, to go into a sentence of ours.
    private static String sentence(String message, String otherwise) {
        String s = message == null || message.isBlank() ? otherwise : message.strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
