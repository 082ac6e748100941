package dev.parallax.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code [discord]} section of the configuration. The token is not here: it comes from
 * {@code DISCORD_TOKEN}.
 *
 * @param restBaseUrl Discord's REST API, ending in "/" (a rate-limit proxy, or a fake in tests)
 * @param gatewayUrl  the gateway websocket URL; empty asks Discord for it
 * @param compress    zlib-compress the gateway stream (off only for proxies or fakes that cannot inflate)
 * @param shardTotal  how many shards the bot has in all; 0 runs one connection without sharding
 * @param shardFirst  the first shard this instance runs (with sharding)
 * @param shardLast   the last shard this instance runs (with sharding)
 * @param adminRole   a role (id or name) whose members may use admin commands besides Manage Server; empty for none
 * @param command     the slash command's name; admin subcommands live under {@code <command>-admin}
 * @param ackBudget   how long a command may take before it is deferred (Discord allows 3 s in all)
 */
public record DiscordSettings(String restBaseUrl, String gatewayUrl, boolean compress, int shardTotal, int shardFirst,
                              int shardLast, String adminRole, String command, Duration ackBudget) {
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z0-9_-]{1,26}");

    public DiscordSettings {
        restBaseUrl = restBaseUrl == null ? "" : restBaseUrl.strip();
        if (!restBaseUrl.startsWith("http://") && !restBaseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("discord.rest_base_url must be an http(s) URL, got: " + restBaseUrl);
        }
        if (!restBaseUrl.endsWith("/")) {
            restBaseUrl = restBaseUrl + "/";
        }
        gatewayUrl = gatewayUrl == null ? "" : gatewayUrl.strip();
        if (!gatewayUrl.isEmpty() && !gatewayUrl.startsWith("ws://") && !gatewayUrl.startsWith("wss://")) {
            throw new IllegalArgumentException("discord.gateway_url must be a ws(s) URL or empty, got: " + gatewayUrl);
        }
        if (shardTotal < 0) {
            throw new IllegalArgumentException("discord.shard_total must be 0 (no sharding) or more, got: " + shardTotal);
        }
        if (shardTotal > 0) {
            shardLast = shardLast < 0 ? shardTotal - 1 : shardLast;
            if (shardFirst < 0 || shardFirst > shardLast || shardLast >= shardTotal) {
                throw new IllegalArgumentException("discord shards " + shardFirst + ".." + shardLast
                        + " must lie within 0.." + (shardTotal - 1));
            }
        } else {
            shardFirst = 0;
            shardLast = 0;
        }
        adminRole = adminRole == null ? "" : adminRole.strip();
        if (command == null || !COMMAND_NAME.matcher(command).matches()) {
            throw new IllegalArgumentException("discord.command must be 1-26 lowercase letters, digits, - or _, got: "
                    + command);
        }
        if (ackBudget == null || ackBudget.toMillis() < 100 || ackBudget.toMillis() > 2500) {
            throw new IllegalArgumentException("discord.ack_budget_ms must be between 100 and 2500, got: "
                    + (ackBudget == null ? null : ackBudget.toMillis()));
        }
    }

    public static DiscordSettings defaults() {
        return new DiscordSettings("https://discord.com/api/v10/", "", true, 0, 0, -1, "", "parallax",
                Duration.ofMillis(1500));
    }

    /** Reads the {@code [discord]} section; a missing section or key takes the default. */
    public static DiscordSettings from(JsonNode section) {
        DiscordSettings d = defaults();
        if (section == null || section.isMissingNode() || section.isNull()) {
            return d;
        }
        return new DiscordSettings(
                section.path("rest_base_url").asText(d.restBaseUrl()),
                section.path("gateway_url").asText(d.gatewayUrl()),
                section.path("compress").asBoolean(d.compress()),
                section.path("shard_total").asInt(d.shardTotal()),
                section.path("shard_first").asInt(0),
                section.path("shard_last").asInt(-1),
                section.path("admin_role").asText(d.adminRole()),
                section.path("command").asText(d.command()),
                Duration.ofMillis(section.path("ack_budget_ms").asLong(d.ackBudget().toMillis())));
    }

    public boolean sharded() {
        return shardTotal > 0;
    }

    /** Whether this instance runs every shard, so a channel it cannot see is not another instance's. */
    public boolean runsAllShards() {
        return !sharded() || (shardFirst == 0 && shardLast == shardTotal - 1);
    }

    String adminCommand() {
        return command + "-admin";
    }
}
