package dev.parallax.chat.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds GUILD_CREATE payloads: a guild, its roles, its channels and the bot as a member. */
final class FakeGuild {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long EMBED_LINKS = 1L << 14;
    static final long READ_HISTORY = 1L << 16;
    static final long MANAGE_SERVER = 1L << 5;
    static final long USE_COMMANDS = 1L << 31;
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    static final long SEND_IN_THREADS = 1L << 38;
    /** What @everyone may do in these guilds, the bot included. */
    static final long MEMBER = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_HISTORY | USE_COMMANDS
            | CREATE_PUBLIC_THREADS | SEND_IN_THREADS;

    static final int TEXT = 0;
    static final int FORUM = 15;

    private final ObjectNode guild;

    FakeGuild(String id, String name) {
        guild = JSON.createObjectNode().put("id", id).put("name", name).put("owner_id", "700000000000000001")
                .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("premium_tier", 0)
                .put("preferred_locale", "en-US").put("nsfw_level", 0).put("system_channel_flags", 0)
                .put("member_count", 2).put("large", false).put("unavailable", false)
                .put("joined_at", "2025-08-01T00:00:00Z");
        guild.putNull("icon");
        guild.putNull("splash");
        guild.putNull("banner");
        guild.putNull("description");
        guild.putNull("vanity_url_code");
        guild.putNull("afk_channel_id");
        guild.putNull("system_channel_id");
        guild.putNull("rules_channel_id");
        guild.putNull("application_id");
        for (String list : new String[] {"roles", "channels", "threads", "members", "emojis", "stickers",
                "voice_states", "presences", "features", "stage_instances", "guild_scheduled_events",
                "soundboard_sounds"}) {
            guild.set(list, JSON.createArrayNode());
        }
        role(id, "@everyone", MEMBER);
        ObjectNode bot = JSON.createObjectNode().put("joined_at", "2025-08-01T00:00:00Z").put("deaf", false)
                .put("mute", false).put("flags", 0);
        bot.set("user", FakeDiscordRest.botUser());
        bot.set("roles", JSON.createArrayNode());
        ((ArrayNode) guild.get("members")).add(bot);
    }

    FakeGuild role(String id, String name, long permissions) {
        ((ArrayNode) guild.get("roles")).add(role(id, name, permissions, guild.get("roles").size()));
        return this;
    }

    static ObjectNode role(String id, String name, long permissions, int position) {
        ObjectNode r = JSON.createObjectNode().put("id", id).put("name", name)
                .put("permissions", Long.toString(permissions)).put("position", position).put("color", 0)
                .put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
        r.putNull("icon");
        r.putNull("unicode_emoji");
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        return r;
    }

    FakeGuild channel(String id, String name, int type) {
        ((ArrayNode) guild.get("channels")).add(channelJson(id, name, type, new long[0][]));
        return this;
    }

    /** A channel whose @everyone overwrite denies {@code deny}. */
    ObjectNode channelJson(String id, String name, int type, long[][] overwrites) {
        ObjectNode c = JSON.createObjectNode().put("id", id).put("type", type).put("name", name)
                .put("guild_id", guild.get("id").asText()).put("position", guild.get("channels").size())
                .put("nsfw", false).put("rate_limit_per_user", 0).put("flags", 0);
        c.putNull("parent_id");
        c.putNull("topic");
        c.putNull("last_message_id");
        ArrayNode ow = c.putArray("permission_overwrites");
        for (long[] o : overwrites) {
            ow.add(JSON.createObjectNode().put("id", Long.toString(o[0])).put("type", 0)
                    .put("allow", "0").put("deny", Long.toString(o[1])));
        }
        if (type == FORUM) {
            c.set("available_tags", JSON.createArrayNode());
            c.put("default_sort_order", 0).put("default_forum_layout", 0).put("default_thread_rate_limit_per_user", 0);
            c.putNull("default_reaction_emoji");
        }
        return c;
    }

    String id() {
        return guild.get("id").asText();
    }

    ObjectNode json() {
        return guild.deepCopy();
    }
}
