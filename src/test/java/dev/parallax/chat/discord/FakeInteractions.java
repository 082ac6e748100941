package dev.parallax.chat.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;

/** INTERACTION_CREATE payloads as Discord sends them: slash commands, button presses, autocomplete. */
final class FakeInteractions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** Someone in a guild: their user id, their permissions in the channel, and their role ids. */
    record Caller(String userId, long permissions, String... roles) {
    }

    private FakeInteractions() {
    }

    /** A snowflake made now: JDA reads an interaction's age from its id and refuses expired ones. */
    static String nextId() {
        return Long.toString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (SEQUENCE.incrementAndGet() & 0xFFF));
    }

    /** {@code /<command> <sub> name=value ...}; {@code focused} marks an option as being typed (autocomplete). */
    static ObjectNode slash(String id, String guildId, String channelId, Caller caller, String command, String sub,
                            String... nameValues) {
        ObjectNode i = base(id, 2, guildId, channelId, caller);
        i.set("data", commandData(command, sub, null, nameValues));
        return i;
    }

    static ObjectNode autocomplete(String id, String guildId, String channelId, Caller caller, String command,
                                   String sub, String focused, String typed) {
        ObjectNode i = base(id, 4, guildId, channelId, caller);
        i.set("data", commandData(command, sub, focused, focused, typed));
        return i;
    }

    static ObjectNode button(String id, String guildId, String channelId, Caller caller, String customId) {
        ObjectNode i = base(id, 3, guildId, channelId, caller);
        i.putObject("data").put("custom_id", customId).put("component_type", 2);
        ObjectNode message = i.putObject("message").put("id", nextId()).put("channel_id", channelId)
                .put("type", 0).put("content", "").put("tts", false).put("pinned", false)
                .put("mention_everyone", false).put("flags", 0).put("timestamp", "2025-09-01T08:00:00Z");
        message.putNull("edited_timestamp");
        message.set("author", FakeDiscordRest.botUser());
        for (String list : new String[] {"embeds", "components", "mentions", "mention_roles", "attachments"}) {
            message.putArray(list);
        }
        return i;
    }

    static String token(String id) {
        return "token-" + id;
    }

    private static ObjectNode base(String id, int type, String guildId, String channelId, Caller caller) {
        ObjectNode i = JSON.createObjectNode().put("id", id).put("application_id", FakeDiscordRest.APP_ID)
                .put("type", type).put("token", token(id)).put("version", 1).put("guild_id", guildId)
                .put("channel_id", channelId).put("locale", "en-US").put("guild_locale", "en-US")
                .put("app_permissions", Long.toString(FakeGuild.MEMBER)).put("context", 0);
        i.putObject("channel").put("id", channelId).put("type", 0).put("guild_id", guildId).put("name", "news")
                .put("position", 0).put("nsfw", false).put("flags", 0).putArray("permission_overwrites");
        i.putObject("guild").put("id", guildId).put("locale", "en-US").putArray("features");
        i.putArray("entitlements");
        i.putObject("authorizing_integration_owners").put("0", guildId);
        ObjectNode member = i.putObject("member").put("joined_at", "2025-08-01T00:00:00Z").put("deaf", false)
                .put("mute", false).put("flags", 0).put("permissions", Long.toString(caller.permissions()));
        member.putNull("nick");
        member.putObject("user").put("id", caller.userId()).put("username", "reader" + caller.userId().substring(0, 3))
                .put("discriminator", "0").put("global_name", "Reader").putNull("avatar");
        ArrayNode roles = member.putArray("roles");
        for (String r : caller.roles()) {
            roles.add(r);
        }
        return i;
    }

    private static ObjectNode commandData(String command, String sub, String focused, String... nameValues) {
        ObjectNode data = JSON.createObjectNode().put("id", "500000000000000001").put("name", command).put("type", 1);
        ObjectNode subOption = data.putArray("options").addObject().put("name", sub).put("type", 1);
        ArrayNode options = subOption.putArray("options");
        for (int k = 0; k + 1 < nameValues.length; k += 2) {
            ObjectNode o = options.addObject().put("name", nameValues[k]).put("type", 3).put("value", nameValues[k + 1]);
            if (nameValues[k].equals(focused)) {
                o.put("focused", true);
            }
        }
        return data;
    }
}
