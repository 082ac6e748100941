package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.SeedStories;
import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.CommandReply;
import dev.parallax.chat.CommandRequest;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import dev.parallax.claims.Divergence;
import dev.parallax.digest.StoryBrief;
import dev.parallax.model.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real JDA client against a fake Discord on 127.0.0.1 (gateway and REST): command
 * registration, digest delivery into channels, threads and forum posts, split at Discord's
 * limits, slash commands answered in time or deferred, buttons, autocomplete, failures, and
 * channels lost when the bot leaves or loses access.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordBotIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUILD_A = Long.toString(1_234_567L << 22);
    private static final String GUILD_B = Long.toString(2_345_678L << 22);
    private static final String GUILD_C = Long.toString(3_456_789L << 22);
    private static final String GUILD_D = Long.toString(4_567_890L << 22);
    private static final String D_TEXT = "7999999999999999999";
    private static final String NEWS = "1111111111111111111";
    private static final String FORUM = "2222222222222222222";
    private static final String POLITICS = "5555555555555555555";
    private static final String SPORTS = "5666666666666666666";
    private static final String CATEGORY = "5777777777777777777";
    private static final String WORLD = "4444444444444444444";
    private static final String DESK = "4555555555555555555";
    private static final String C_TEXT = "7777777777777777777";
    private static final String C_FORUM = "7888888888888888888";
    private static final String ADMINS_ROLE = "3000000000000000001";
    private static final String EDITORS_ROLE = "3000000000000000002";
    private static final FakeInteractions.Caller READER =
            new FakeInteractions.Caller("700000000000000011", FakeGuild.MEMBER);
    private static final FakeInteractions.Caller ADMIN =
            new FakeInteractions.Caller("700000000000000012", FakeGuild.MEMBER, ADMINS_ROLE);
    private static final FakeInteractions.Caller EDITOR =
            new FakeInteractions.Caller("700000000000000013", FakeGuild.MEMBER, EDITORS_ROLE);

    private FakeDiscordRest rest;
    private FakeDiscordGateway gateway;
    private DiscordBot bot;
    private FixedCommands commands;
    private StoryBrief story;
    private final Map<ChannelRef, String> lost = new ConcurrentHashMap<>();
    private final FakeGuild guildD = new FakeGuild(GUILD_D, "Fourth").channel(D_TEXT, "general", FakeGuild.TEXT);

    @BeforeAll
    void start() throws Exception {
        story = SeedStories.brief();
        rest = new FakeDiscordRest();
        gateway = new FakeDiscordGateway().open();
        FakeGuild a = new FakeGuild(GUILD_A, "Newsroom")
                .role(ADMINS_ROLE, "Admins", FakeGuild.MEMBER | FakeGuild.MANAGE_SERVER)
                .role(EDITORS_ROLE, "Editors", FakeGuild.MEMBER)
                .channel(NEWS, "news", FakeGuild.TEXT).channel(FORUM, "digests", FakeGuild.FORUM)
                .channel(POLITICS, "politics", FakeGuild.TEXT).channel(SPORTS, "sports", FakeGuild.TEXT)
                .channel(CATEGORY, "Reading", 4);
        gateway.addGuild(a.json());
        gateway.addGuild(new FakeGuild(GUILD_B, "Second").channel(WORLD, "world", FakeGuild.TEXT)
                .channel(DESK, "desk", FakeGuild.TEXT).json());
        gateway.addGuild(new FakeGuild(GUILD_C, "Third").channel(C_TEXT, "general", FakeGuild.TEXT)
                .channel(C_FORUM, "briefs", FakeGuild.FORUM).json());
        gateway.addGuild(guildD.json());
        rest.knowChannel(NEWS, GUILD_A, FakeGuild.TEXT);
        rest.knowChannel(FORUM, GUILD_A, FakeGuild.FORUM);
        commands = new FixedCommands(List.of(new CommandReply.StoryHit(story.id(), story.headline(), 5, "Putin...")))
                .answer("story " + story.id(), new CommandReply.StoryView(story, CommandReply.Focus.OVERVIEW, false))
                .answer("claims " + story.id(), new CommandReply.StoryView(story, CommandReply.Focus.CLAIMS, false))
                .answer("help", new CommandReply.Message("x ".repeat(2300).strip(), true))
                .answer("schedule 08:00 Europe/Paris", new CommandReply.Message(
                        "Digests arrive here at 08:00 (Europe/Paris).", true))
                .slowly("digest now", 700, new CommandReply.Message("Posted a digest with 1 story.", false));
        DiscordSettings settings = new DiscordSettings(rest.baseUrl(), gateway.url(), false, 0, 0, -1, "Editors",
                "parallax", Duration.ofMillis(300));
        bot = DiscordBot.start("test-token", settings, Optional.of(commands), lost::put);
        assertThat(bot.awaitReady(Duration.ofSeconds(20))).isTrue();
    }

    @AfterAll
    void stop() throws Exception {
        bot.close();
        gateway.stop(1000);
        rest.close();
    }

    @Test
    @DisplayName("the bot identifies with no privileged intent: only GUILDS (bit 0)")
    void minimalIntents() {
        assertThat(gateway.identifies()).singleElement()
                .satisfies(i -> assertThat(i.intents()).isEqualTo(1L));
    }

    @Test
    @DisplayName("/parallax and /parallax-admin are registered with typed options, autocomplete, and Manage Server on the admin one")
    void registersCommands() throws Exception {
        JsonNode body = rest.await("PUT", "/applications/" + FakeDiscordRest.APP_ID + "/commands", 1, 5000).get(0)
                .json();

        assertThat(body).hasSize(2);
        JsonNode everyone = body.get(0);
        JsonNode admin = body.get(1);
        assertThat(everyone.get("name").asText()).isEqualTo("parallax");
        assertThat(everyone.get("default_member_permissions").isNull()).isTrue();
        assertThat(everyone.get("contexts")).isEqualTo(JSON.readTree("[\"0\"]"));
        assertThat(names(everyone.get("options"))).containsExactly("digest", "story", "claims", "sources", "search",
                "help");
        assertThat(admin.get("name").asText()).isEqualTo("parallax-admin");
        assertThat(admin.get("default_member_permissions").asText()).isEqualTo("32"); // Manage Server
        assertThat(names(admin.get("options"))).containsExactly("digest-now", "feeds", "subscribe", "unsubscribe",
                "schedule", "topics");
        JsonNode storyOption = subcommand(everyone, "story").get("options").get(0);
        assertThat(storyOption).isEqualTo(JSON.readTree("""
                {"name_localizations":{},"autocomplete":true,"name":"story","description":"A story id, or words from its headline",
                 "description_localizations":{},"type":3,"required":true}"""));
        JsonNode schedule = subcommand(admin, "schedule").get("options");
        assertThat(names(schedule)).containsExactly("when", "zone");
        assertThat(schedule.get(1).get("required").asBoolean()).isFalse();
        assertThat(schedule.get(1).get("autocomplete").asBoolean()).isTrue();
        assertThat(subcommand(admin, "topics").get("options").get(0).get("choices")).isEqualTo(JSON.readTree("""
                [{"name":"include","value":"include","name_localizations":{}},
                 {"name":"exclude","value":"exclude","name_localizations":{}}]"""));
    }

    @Test
    @DisplayName("a digest header is one message of embeds in the channel, with mentions off and an enforced nonce")
    void deliversHeader() {
        Delivery header = new Delivery(new ChannelRef("discord", NEWS), "discord:" + NEWS + "|p1|header", null,
                new Delivery.DigestHeader("Parallax digest: 1 story",
                        List.of(new Delivery.StoryLine(story.id(), story.headline(), 5, 3))));
        int before = rest.requests("POST", "/channels/" + NEWS + "/messages").size();

        DeliveryResult result = bot.deliver(header);

        List<FakeDiscordRest.Received> all = rest.requests("POST", "/channels/" + NEWS + "/messages");
        List<FakeDiscordRest.Received> sent = all.subList(before, all.size());
        assertThat(sent).hasSize(1);
        ObjectNode expected = (ObjectNode) json("""
                {"components":[],"tts":false,"flags":0,"allowed_mentions":{"parse":[],"replied_user":true},"poll":null,
                 "embeds":[{"title":"Parallax digest: 1 story",
                            "description":"**1. %s** · 5 outlets · 3 divergences · `s5eed0001`",
                            "footer":{"text":"Parallax · ref %s"}}],
                 "enforce_nonce":true,"content":""}""".formatted(story.headline(),
                DeliveryMarks.token(header.idempotencyKey())));
        expected.put("nonce", DiscordDelivery.nonce(header.idempotencyKey(), 0));
        assertThat(sent.get(0).json()).isEqualTo(expected);
        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    }

    @Test
    @DisplayName("a story opens its own thread holding summary, divergences with quotes, agreements, single-source"
            + " claims apart, sources and the two buttons")
    void deliversStoryInThread() {
        Delivery delivery = new Delivery(new ChannelRef("discord", NEWS), "discord:" + NEWS + "|p1|story|s5eed0001",
                "800000000000000001", new Delivery.Story(story));

        DeliveryResult result = bot.deliver(delivery);

        FakeDiscordRest.Received create = last(rest.requests("POST", "/channels/" + NEWS + "/threads"));
        assertThat(create.json()).isEqualTo(json("""
                {"name":"%s","type":11,"auto_archive_duration":10080}""".formatted(story.headline())));
        String threadId = ((DeliveryResult.Delivered) result).messageId();
        List<FakeDiscordRest.Received> posts = rest.requests("POST", "/channels/" + threadId + "/messages");
        assertThat(posts).hasSize(1);
        JsonNode message = posts.get(0).json();
        ObjectNode expected = messageJson(DeliveryMarks.mark(new DiscordRenderer().delivery(new Delivery.Story(story)),
                delivery.idempotencyKey()).get(0), 0);
        expected.put("enforce_nonce", true).put("nonce", DiscordDelivery.nonce(delivery.idempotencyKey(), 0));
        assertThat(message).isEqualTo(expected);
        assertThat(titles(message)).containsExactly(story.headline(), "Where sources differ", "Sources agree",
                "Only one source says", "Sources");
        JsonNode fields = message.get("embeds").get(1).get("fields");
        assertThat(names(fields)).containsExactlyElementsOf(story.divergences().stream()
                .map(d -> Character.toUpperCase(d.about().charAt(0)) + d.about().substring(1)).toList());
        Divergence arrival = story.divergences().stream().filter(d -> d.about().equals("day Putin arrived"))
                .findFirst().orElseThrow();
        assertThat(fieldValue(fields, "Day Putin arrived")).isEqualTo(arrival.values().stream()
                .map(side -> "• **" + side.value() + "** " + refs(side.sources()) + ": “"
                        + DiscordMarkdown.escape(side.quotes().get(0)) + "”")
                .collect(Collectors.joining("\n")));
        assertThat(message.get("components")).isEqualTo(json("""
                [{"components":[
                   {"custom_id":"parallax:claims|s5eed0001","style":2,"disabled":false,"label":"Where sources differ","type":2},
                   {"custom_id":"parallax:sources|s5eed0001","style":2,"disabled":false,"label":"Sources","type":2}],
                  "type":1}]"""));
        assertThat(message.get("allowed_mentions").get("parse")).isEmpty();
    }

    @Test
    @DisplayName("in a forum channel a story is a forum post whose first message carries the embeds and buttons")
    void deliversStoryAsForumPost() {
        Delivery delivery = new Delivery(new ChannelRef("discord", FORUM), "discord:" + FORUM + "|p1|story|s5eed0001",
                null, new Delivery.Story(story));

        DeliveryResult result = bot.deliver(delivery);

        FakeDiscordRest.Received post = last(rest.requests("POST", "/channels/" + FORUM + "/threads"));
        assertThat(post.json().get("name").asText()).isEqualTo(story.headline());
        assertThat(post.json().get("auto_archive_duration").asInt()).isEqualTo(10080);
        assertThat(titles(post.json().get("message"))).containsExactly(story.headline(), "Where sources differ",
                "Sources agree", "Only one source says", "Sources");
        assertThat(post.json().get("message").get("components").get(0).get("components")).hasSize(2);
        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        String threadId = ((DeliveryResult.Delivered) result).messageId();
        assertThat(rest.requests("POST", "/channels/" + threadId + "/messages")).isEmpty();
    }

    @Test
    @DisplayName("a story too big for one message is split at Discord's limits, buttons on the first part, no divergence cut")
    void splitsAtTheLimits() {
        StoryBrief huge = SeedStories.big();
        Delivery delivery = new Delivery(new ChannelRef("discord", NEWS), "discord:" + NEWS + "|p2|story|big", null,
                new Delivery.Story(huge));

        DeliveryResult result = bot.deliver(delivery);

        String threadId = ((DeliveryResult.Delivered) result).messageId();
        List<JsonNode> parts = rest.requests("POST", "/channels/" + threadId + "/messages").stream()
                .map(FakeDiscordRest.Received::json).toList();
        assertThat(parts).hasSizeGreaterThan(2);
        StringBuilder everything = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            JsonNode part = parts.get(i);
            assertWithinLimits(part);
            assertThat(part.get("nonce").asText()).isEqualTo(DiscordDelivery.nonce(delivery.idempotencyKey(), i));
            assertThat(part.get("components")).hasSize(i == 0 ? 1 : 0);
            part.get("embeds").forEach(e -> {
                everything.append(e.path("description").asText()).append('\n');
                e.path("fields").forEach(f -> everything.append(f.get("value").asText()).append('\n'));
            });
        }
        assertThat(parts.get(1).get("embeds").get(0).get("title").asText()).endsWith(" (continued)");
        String joined = everything.toString().replaceAll("\\s+", "");
        for (Divergence d : huge.divergences()) {
            for (Divergence.Side side : d.values()) {
                assertThat(joined).contains(("**" + side.value() + "**").replaceAll("\\s+", ""));
                assertThat(joined).contains(DiscordMarkdown.escape(side.quotes().get(0)).replaceAll("\\s+", ""));
            }
        }
    }

    @Test
    @DisplayName("a long digest header goes out as several messages; the first message's id is the thread parent")
    void splitsLongHeader() {
        List<Delivery.StoryLine> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            lines.add(new Delivery.StoryLine("s" + i, story.headline() + " number " + i, 3, i % 3));
        }
        Delivery header = new Delivery(new ChannelRef("discord", WORLD), "discord:" + WORLD + "|p9|header", null,
                new Delivery.DigestHeader("Parallax digest: 400 stories", lines));
        int before = rest.requests("POST", "/channels/" + WORLD + "/messages").size();

        DeliveryResult result = bot.deliver(header);

        List<FakeDiscordRest.Received> sent = rest.requests("POST", "/channels/" + WORLD + "/messages");
        List<JsonNode> parts = sent.subList(before, sent.size()).stream().map(FakeDiscordRest.Received::json).toList();
        assertThat(parts).hasSizeGreaterThan(1);
        parts.forEach(DiscordBotIntegrationTest::assertWithinLimits);
        String all = parts.stream().flatMap(p -> stream(p.get("embeds")))
                .map(e -> e.get("description").asText()).collect(Collectors.joining("\n"));
        for (int i = 0; i < 400; i++) {
            assertThat(all).contains("**" + (i + 1) + ". " + story.headline() + " number " + i + "**");
        }
        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    }

    @Test
    @DisplayName("a follow-up goes into its story's thread, split into 2,000-char messages when long")
    void followUpInThread() {
        DeliveryResult story1 = bot.deliver(new Delivery(new ChannelRef("discord", NEWS), "discord:" + NEWS
                + "|p3|story|s5eed0001", null, new Delivery.Story(story)));
        String threadId = ((DeliveryResult.Delivered) story1).messageId();
        String text = "Update on the summit: " + "2 new outlets: Reuters, AP. ".repeat(150);

        DeliveryResult result = bot.deliver(new Delivery(new ChannelRef("discord", NEWS), "discord:" + NEWS
                + "|followup|s5eed0001|7", threadId, new Delivery.FollowUp(story.id(), text)));

        assertThat(result).isEqualTo(new DeliveryResult.Delivered(threadId));
        List<JsonNode> notes = rest.requests("POST", "/channels/" + threadId + "/messages").stream()
                .map(FakeDiscordRest.Received::json).filter(j -> j.get("embeds").isEmpty()).toList();
        assertThat(notes).hasSize(3);
        notes.forEach(n -> assertThat(n.get("content").asText().length()).isLessThanOrEqualTo(2000));
        String token = DeliveryMarks.token("discord:" + NEWS + "|followup|s5eed0001|7");
        for (int i = 0; i < 3; i++) {
            assertThat(notes.get(i).get("content").asText()).endsWith("\n-# Parallax · " + (i + 1) + "/3 · ref " + token);
        }
        assertThat(notes.stream().map(n -> n.get("content").asText().replaceFirst("\n-# Parallax · .*$", ""))
                .collect(Collectors.joining(" "))).isEqualTo(text.strip());
    }

    @Test
    @DisplayName("Missing Access, Missing Permissions and Unknown Channel are permanent; a 500 is retried later")
    void mapsFailures() {
        Delivery header = new Delivery(new ChannelRef("discord", DESK), "discord:" + DESK + "|p4|header", null,
                new Delivery.DigestHeader("Parallax digest: 1 story",
                        List.of(new Delivery.StoryLine(story.id(), story.headline(), 5, 3))));
        rest.fail("/channels/" + DESK + "/messages", 403, 50001, "Missing Access", 1);
        DeliveryResult denied = bot.deliver(header);
        rest.fail("/channels/" + DESK + "/messages", 500, 0, "Internal Server Error", 1);
        DeliveryResult unavailable = bot.deliver(header);
        rest.fail("/channels/" + DESK + "/messages", 403, 50013, "Missing Permissions", 1);
        DeliveryResult forbidden = bot.deliver(header);
        rest.fail("/channels/" + DESK + "/messages", 404, 10003, "Unknown Channel", 1);
        DeliveryResult gone = bot.deliver(header);
        DeliveryResult unknown = bot.deliver(new Delivery(new ChannelRef("discord", "9999999999999999999"), "k-u",
                null, header.content()));
        DeliveryResult category = bot.deliver(new Delivery(new ChannelRef("discord", CATEGORY), "k-c", null,
                header.content()));

        assertThat(denied).isInstanceOfSatisfying(DeliveryResult.Permanent.class,
                p -> assertThat(p.reason()).startsWith("Missing Access"));
        assertThat(unavailable).isInstanceOfSatisfying(DeliveryResult.RetryLater.class,
                r -> assertThat(r.reason()).contains("Discord server error 500"));
        assertThat(forbidden).isInstanceOfSatisfying(DeliveryResult.Permanent.class,
                p -> assertThat(p.reason()).startsWith("Missing Permissions"));
        assertThat(gone).isInstanceOfSatisfying(DeliveryResult.Permanent.class,
                p -> assertThat(p.reason()).startsWith("Unknown Channel"));
        assertThat(unknown).isInstanceOfSatisfying(DeliveryResult.Permanent.class,
                p -> assertThat(p.reason()).startsWith("Unknown Channel"));
        assertThat(category).isInstanceOf(DeliveryResult.Permanent.class);
    }

    @Test
    @DisplayName("/parallax story answers within the ack itself: the callback carries the embeds and buttons, publicly")
    void slashCommandAnsweredInTime() throws Exception {
        String id = FakeInteractions.nextId();

        gateway.dispatch(GUILD_A, "INTERACTION_CREATE", FakeInteractions.slash(id, GUILD_A, NEWS, READER, "parallax",
                "story", "story", story.id()));

        JsonNode callback = rest.await("POST", "/interactions/" + id + "/", 1, 5000).get(0).json();
        assertThat(callback).isEqualTo(callbackJson(new DiscordRenderer().reply(
                new CommandReply.StoryView(story, CommandReply.Focus.OVERVIEW, false)).get(0), 0));
        assertThat(titles(callback.get("data"))).containsExactly(story.headline(), "Where sources differ", "Outlets");
        assertThat(callback.get("data").get("components").get(0).get("components").get(0).get("custom_id").asText())
                .isEqualTo("parallax:claims|s5eed0001");
        assertThat(commands.received()).contains(new CommandRequest(new ChannelRef("discord", NEWS), READER.userId(),
                false, "story s5eed0001"));
    }

    @Test
    @DisplayName("a slow admin command is deferred at once, then answered through the interaction hook")
    void slowCommandDeferred() throws Exception {
        String id = FakeInteractions.nextId();
        String hook = "/webhooks/" + FakeDiscordRest.APP_ID + "/" + FakeInteractions.token(id);

        gateway.dispatch(GUILD_A, "INTERACTION_CREATE", FakeInteractions.slash(id, GUILD_A, NEWS, ADMIN,
                "parallax-admin", "digest-now"));

        JsonNode ack = rest.await("POST", "/interactions/" + id + "/", 1, 5000).get(0).json();
        assertThat(ack).isEqualTo(json("{\"type\":5,\"data\":{\"flags\":64}}"));
        JsonNode edit = rest.await("PATCH", hook + "/messages/@original", 1, 5000).get(0).json();
        assertThat(edit.get("content").asText()).isEqualTo(InteractionReplies.POSTED_BELOW);
        JsonNode followUp = rest.await("POST", hook, 1, 5000).get(0).json();
        assertThat(followUp.get("content").asText()).isEqualTo("Posted a digest with 1 story.");
        assertThat(followUp.get("flags").asInt()).isZero();
        assertThat(commands.received()).contains(new CommandRequest(new ChannelRef("discord", NEWS), ADMIN.userId(),
                true, "digest now"));
    }

    @Test
    @DisplayName("admin subcommands are refused, ephemerally, to members with neither Manage Server nor the role")
    void adminCommandRefused() throws Exception {
        String id = FakeInteractions.nextId();

        gateway.dispatch(GUILD_A, "INTERACTION_CREATE", FakeInteractions.slash(id, GUILD_A, NEWS, READER,
                "parallax-admin", "schedule", "when", "08:00", "zone", "Europe/Paris"));

        JsonNode callback = rest.await("POST", "/interactions/" + id + "/", 1, 5000).get(0).json();
        assertThat(callback.get("type").asInt()).isEqualTo(4);
        assertThat(callback.get("data").get("flags").asInt()).isEqualTo(64);
        assertThat(callback.get("data").get("content").asText()).isEqualTo(
                "Only members with the Manage Server permission or the Editors role can change Parallax's settings here.");
        assertThat(commands.received()).noneMatch(r -> r.userId().equals(READER.userId()) && r.text().startsWith("schedule"));
    }

    @Test
    @DisplayName("a member with the configured role is an admin; options become the command text")
    void configuredRoleIsAdmin() throws Exception {
        String id = FakeInteractions.nextId();

        gateway.dispatch(GUILD_A, "INTERACTION_CREATE", FakeInteractions.slash(id, GUILD_A, NEWS, EDITOR,
                "parallax-admin", "schedule", "when", "08:00", "zone", "Europe/Paris"));

        JsonNode callback = rest.await("POST", "/interactions/" + id + "/", 1, 5000).get(0).json();
        assertThat(callback.get("data").get("content").asText()).isEqualTo(
                "Digests arrive here at 08:00 (Europe/Paris).");
        assertThat(callback.get("data").get("flags").asInt()).isEqualTo(64);
        assertThat(commands.received()).contains(new CommandRequest(new ChannelRef("discord", NEWS), EDITOR.userId(),
                true, "schedule 08:00 Europe/Paris"));
    }

    @Test
    @DisplayName("a reply longer than 2,000 chars answers with its first part and follows up with the rest")
    void longReplySplit() throws Exception {
        String id = FakeInteractions.nextId();
        String hook = "/webhooks/" + FakeDiscordRest.APP_ID + "/" + FakeInteractions.token(id);

        gateway.dispatch(GUILD_A, "INTERACTION_CREATE", FakeInteractions.slash(id, GUILD_A, NEWS, READER, "parallax",
                "help"));

        JsonNode callback = rest.await("POST", "/interactions/" + id + "/", 1, 5000).get(0).json();
        List<JsonNode> more = rest.await("POST", hook, 2, 5000).stream().map(FakeDiscordRest.Received::json).toList();
        List<String> parts = new ArrayList<>();
        parts.add(callback.get("data").get("content").asText());
        more.forEach(m -> parts.add(m.get("content").asText()));
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2000));
        assertThat(String.join(" ", parts)).isEqualTo("x ".repeat(2300).strip());
        assertThat(more).allSatisfy(m -> assertThat(m.get("flags").asInt()).isEqualTo(64));
    }

    @Test
    @DisplayName("the 'Where sources differ' button answers the presser only, with every side's quotes")
    void buttonAnswersEphemerally() throws Exception {
        String id = FakeInteractions.nextId();

        gateway.dispatch(GUILD_A, "INTERACTION_CREATE", FakeInteractions.button(id, GUILD_A, NEWS, READER,
                "parallax:claims|s5eed0001"));

        JsonNode callback = rest.await("POST", "/interactions/" + id + "/", 1, 5000).get(0).json();
        assertThat(callback).isEqualTo(callbackJson(new DiscordRenderer().reply(
                new CommandReply.StoryView(story, CommandReply.Focus.CLAIMS, false)).get(0), 64));
        assertThat(titles(callback.get("data"))).containsExactly(story.headline(), "Where sources differ",
                "Sources agree", "Only one source says");
        Divergence arrival = story.divergences().get(0);
        String value = fieldValue(callback.get("data").get("embeds").get(1).get("fields"),
                Character.toUpperCase(arrival.about().charAt(0)) + arrival.about().substring(1));
        for (Divergence.Side side : arrival.values()) {
            side.quotes().forEach(q -> assertThat(value).contains("> “" + DiscordMarkdown.escape(q) + "”"));
        }
        assertThat(commands.received()).contains(new CommandRequest(new ChannelRef("discord", NEWS), READER.userId(),
                false, "claims s5eed0001"));
    }

    @Test
    @DisplayName("story options autocomplete over the command service's suggestions; zones over IANA ids")
    void autocompletes() throws Exception {
        String storyId = FakeInteractions.nextId();
        String zoneId = FakeInteractions.nextId();

        gateway.dispatch(GUILD_A, "INTERACTION_CREATE", FakeInteractions.autocomplete(storyId, GUILD_A, NEWS, READER,
                "parallax", "claims", "story", "putin"));
        gateway.dispatch(GUILD_A, "INTERACTION_CREATE", FakeInteractions.autocomplete(zoneId, GUILD_A, NEWS, EDITOR,
                "parallax-admin", "schedule", "zone", "europe/par"));

        JsonNode stories = rest.await("POST", "/interactions/" + storyId + "/", 1, 5000).get(0).json();
        assertThat(stories).isEqualTo(json("""
                {"type":8,"data":{"choices":[{"name_localizations":{},"name":"%s (5 outlets)","value":"s5eed0001"}]}}"""
                .formatted(story.headline())));
        JsonNode zones = rest.await("POST", "/interactions/" + zoneId + "/", 1, 5000).get(0).json();
        assertThat(zones).isEqualTo(json("""
                {"type":8,"data":{"choices":[{"name_localizations":{},"name":"Europe/Paris","value":"Europe/Paris"}]}}"""));
    }

    @Test
    @DisplayName("the bot leaving a guild reports each of its channels with the reason")
    void guildLeaveReportsChannels() throws Exception {
        gateway.dispatch(GUILD_C, "GUILD_DELETE", json("{\"id\":\"" + GUILD_C + "\"}"));

        awaitLost(new ChannelRef("discord", C_FORUM));
        assertThat(lost).containsEntry(new ChannelRef("discord", C_TEXT), "the bot was removed from the server \"Third\"")
                .containsEntry(new ChannelRef("discord", C_FORUM), "the bot was removed from the server \"Third\"");
    }

    @Test
    @DisplayName("a server Discord reports unavailable (an outage) is retried later, and its channels are not lost")
    void unavailableGuildIsNotLost() throws Exception {
        gateway.dispatch(GUILD_D, "GUILD_DELETE", json("{\"id\":\"" + GUILD_D + "\",\"unavailable\":true}"));
        Delivery header = new Delivery(new ChannelRef("discord", D_TEXT), "discord:" + D_TEXT + "|p7|header", null,
                new Delivery.DigestHeader("Parallax digest: 1 story",
                        List.of(new Delivery.StoryLine(story.id(), story.headline(), 5, 3))));
        DeliveryResult result = bot.deliver(header);
        for (int i = 0; i < 100 && result instanceof DeliveryResult.Delivered; i++) {
            Thread.sleep(20); // the dispatch may not have reached JDA yet
            result = bot.deliver(header);
        }

        gateway.dispatch(GUILD_D, "GUILD_CREATE", guildD.json()); // back again
        DeliveryResult back = bot.deliver(header);
        for (int i = 0; i < 100 && !(back instanceof DeliveryResult.Delivered); i++) {
            Thread.sleep(20);
            back = bot.deliver(header);
        }

        assertThat(result).isInstanceOfSatisfying(DeliveryResult.RetryLater.class,
                r -> assertThat(r.reason()).contains("unavailable"));
        assertThat(back).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(lost).doesNotContainKey(new ChannelRef("discord", D_TEXT));
    }

    @Test
    @DisplayName("a permission overwrite that hides a channel from the bot reports it; a deleted channel too")
    void accessLossReportsChannel() throws Exception {
        long[][] denyView = {{Long.parseLong(GUILD_A), FakeGuild.VIEW_CHANNEL}};
        ObjectNode hidden = new FakeGuild(GUILD_A, "Newsroom").channelJson(POLITICS, "politics", FakeGuild.TEXT,
                denyView);
        hidden.put("guild_id", GUILD_A);

        gateway.dispatch(GUILD_A, "CHANNEL_UPDATE", hidden);
        gateway.dispatch(GUILD_A, "CHANNEL_DELETE", new FakeGuild(GUILD_A, "Newsroom").channelJson(SPORTS, "sports",
                FakeGuild.TEXT, new long[0][]));

        awaitLost(new ChannelRef("discord", SPORTS));
        awaitLost(new ChannelRef("discord", POLITICS));
        assertThat(lost.get(new ChannelRef("discord", POLITICS))).startsWith("the bot lost access to #politics: it needs")
                .contains("View Channel");
        assertThat(lost).containsEntry(new ChannelRef("discord", SPORTS), "the channel #sports was deleted")
                .doesNotContainKey(new ChannelRef("discord", NEWS));
    }

    @Test
    @DisplayName("a story cut off by a 500 half-way is resumed on retry: same thread, no part posted twice")
    void resumesAfterPartialFailure() {
        StoryBrief huge = SeedStories.big();
        Delivery delivery = new Delivery(new ChannelRef("discord", WORLD), "discord:" + WORLD + "|p5|story|big", null,
                new Delivery.Story(huge));
        int threadsBefore = rest.requests("POST", "/channels/" + WORLD + "/threads").size();
        // The thread's first message goes through, its second fails.
        rest.failAfter(p -> p.matches("/api/v10/channels/8\\d+/messages"), 1, 500, 0, "Internal Server Error", 1);

        DeliveryResult first = bot.deliver(delivery);
        DeliveryResult retry = bot.deliver(delivery);

        assertThat(first).isInstanceOf(DeliveryResult.RetryLater.class);
        assertThat(rest.requests("POST", "/channels/" + WORLD + "/threads")).hasSize(threadsBefore + 1);
        String threadId = ((DeliveryResult.Delivered) retry).messageId();
        List<String> nonces = rest.requests("POST", "/channels/" + threadId + "/messages").stream()
                .map(r -> r.json().get("nonce").asText()).toList();
        int parts = new DiscordRenderer().delivery(delivery.content()).size();
        assertThat(nonces).hasSize(parts).doesNotHaveDuplicates();
        for (int i = 0; i < parts; i++) {
            assertThat(nonces.get(i)).isEqualTo(DiscordDelivery.nonce(delivery.idempotencyKey(), i));
        }
    }

    @Test
    @DisplayName("a follow-up whose story thread is gone is posted in the channel instead")
    void followUpFallsBackToChannel() {
        int before = rest.requests("POST", "/channels/" + NEWS + "/messages").size();

        String key = "discord:" + NEWS + "|followup|gone|1";
        DeliveryResult result = bot.deliver(new Delivery(new ChannelRef("discord", NEWS), key, "1234",
                new Delivery.FollowUp("gone", "Update on \"Gone\": 1 new outlet: AP.")));

        List<FakeDiscordRest.Received> sent = rest.requests("POST", "/channels/" + NEWS + "/messages");
        assertThat(sent).hasSize(before + 1);
        assertThat(last(sent).json().get("content").asText()).isEqualTo("Update on \"Gone\": 1 new outlet: AP.\n"
                + "-# Parallax · ref " + DeliveryMarks.token(key));
        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
    }

    @Test
    @DisplayName("a command typed in a story's thread speaks for the thread's channel")
    void commandInThreadUsesParentChannel() throws Exception {
        DeliveryResult posted = bot.deliver(new Delivery(new ChannelRef("discord", NEWS), "discord:" + NEWS
                + "|p6|story|s5eed0001", null, new Delivery.Story(story)));
        String threadId = ((DeliveryResult.Delivered) posted).messageId();
        String id = FakeInteractions.nextId();
        ObjectNode inThread = FakeInteractions.slash(id, GUILD_A, threadId, READER, "parallax", "story", "story",
                story.id());
        ((ObjectNode) inThread.get("channel")).put("type", 11).put("parent_id", NEWS);

        gateway.dispatch(GUILD_A, "INTERACTION_CREATE", inThread);

        rest.await("POST", "/interactions/" + id + "/", 1, 5000);
        assertThat(commands.received()).contains(new CommandRequest(new ChannelRef("discord", NEWS), READER.userId(),
                false, "story s5eed0001"));
    }

    private void awaitLost(ChannelRef channel) throws InterruptedException {
        for (int i = 0; i < 250 && !lost.containsKey(channel); i++) {
            Thread.sleep(20);
        }
    }

    private static void assertWithinLimits(JsonNode message) {
        assertThat(message.get("content").asText().length()).isLessThanOrEqualTo(2000);
        JsonNode embeds = message.get("embeds");
        assertThat(embeds.size()).isLessThanOrEqualTo(10);
        int total = 0;
        for (JsonNode e : embeds) {
            String title = e.path("title").asText();
            String description = e.path("description").asText();
            assertThat(title.length()).isLessThanOrEqualTo(256);
            assertThat(description.length()).isLessThanOrEqualTo(4096);
            assertThat(e.path("fields").size()).isLessThanOrEqualTo(25);
            total += title.length() + description.length() + e.path("footer").path("text").asText().length();
            for (JsonNode f : e.path("fields")) {
                assertThat(f.get("name").asText().length()).isBetween(1, 256);
                assertThat(f.get("value").asText().length()).isBetween(1, 1024);
                total += f.get("name").asText().length() + f.get("value").asText().length();
            }
        }
        assertThat(total).isLessThanOrEqualTo(6000);
    }

    // What JDA sends for one of our messages: the request body Discord documents, mentions switched off.
    private static ObjectNode messageJson(DiscordMessage m, int flags) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode rows = body.putArray("components");
        if (!m.buttons().isEmpty()) {
            ArrayNode buttons = rows.addObject().put("type", 1).putArray("components");
            m.buttons().forEach(b -> buttons.addObject().put("custom_id", b.customId()).put("style", 2)
                    .put("disabled", false).put("label", b.label()).put("type", 2));
        }
        body.put("tts", false).put("flags", flags);
        body.putObject("allowed_mentions").put("replied_user", true).putArray("parse");
        body.putNull("poll");
        ArrayNode embeds = body.putArray("embeds");
        for (DiscordMessage.Embed e : m.embeds()) {
            ObjectNode embed = embeds.addObject();
            if (!e.title().isEmpty()) {
                embed.put("title", e.title());
            }
            if (!e.description().isEmpty()) {
                embed.put("description", e.description());
            }
            if (!e.fields().isEmpty()) {
                ArrayNode fields = embed.putArray("fields");
                e.fields().forEach(f -> fields.addObject().put("inline", false).put("name", f.name())
                        .put("value", f.value()));
            }
            if (!e.footer().isEmpty()) {
                embed.putObject("footer").put("text", e.footer());
            }
        }
        body.put("content", m.content());
        return body;
    }

    private static ObjectNode callbackJson(DiscordMessage m, int flags) {
        ObjectNode callback = JSON.createObjectNode();
        callback.set("data", messageJson(m, flags));
        return callback.put("type", 4);
    }

    private String refs(List<String> ids) {
        List<String> order = story.articles().stream().map(Article::id).toList();
        return ids.stream().map(id -> "[" + (order.indexOf(id) + 1) + "]").collect(Collectors.joining());
    }

    private static List<String> names(JsonNode array) {
        return stream(array).map(n -> n.get("name").asText()).toList();
    }

    private static List<String> titles(JsonNode message) {
        return stream(message.get("embeds")).map(e -> e.path("title").asText()).toList();
    }

    private static JsonNode subcommand(JsonNode command, String name) {
        return stream(command.get("options")).filter(o -> o.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static String fieldValue(JsonNode fields, String name) {
        return stream(fields).filter(f -> f.get("name").asText().equals(name)).findFirst().orElseThrow()
                .get("value").asText();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    private static FakeDiscordRest.Received last(List<FakeDiscordRest.Received> list) {
        assertThat(list).isNotEmpty();
        return list.get(list.size() - 1);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
