package dev.parallax.chat.discord;

import dev.parallax.chat.ChannelRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.attribute.IPostContainer;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.guild.UnavailableGuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRoleRemoveEvent;
import net.dv8tion.jda.api.events.guild.override.GenericPermissionOverrideEvent;
import net.dv8tion.jda.api.events.role.RoleDeleteEvent;
import net.dv8tion.jda.api.events.role.update.RoleUpdatePermissionsEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Notices when the bot can no longer post in a channel it could post in: it was removed from the
 * server, the channel was deleted, or a permission change took its access away. Each such channel
 * is reported once, with the reason, to {@code onLost} (the wiring disables its schedule).
 */
final class ChannelAccessWatcher extends ListenerAdapter {
    private final BiConsumer<ChannelRef, String> onLost;
    // guild id -> (channel id -> whether the bot could post there when last checked)
    private final Map<String, Map<String, Boolean>> access = new ConcurrentHashMap<>();

    ChannelAccessWatcher(BiConsumer<ChannelRef, String> onLost) {
        this.onLost = onLost;
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        recheck(event.getGuild());
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        recheck(event.getGuild());
    }

    @Override
    public void onGuildLeave(GuildLeaveEvent event) {
        lostAll(event.getGuild().getId(), "the bot was removed from the server \"" + event.getGuild().getName() + "\"");
    }

    @Override
    public void onUnavailableGuildLeave(UnavailableGuildLeaveEvent event) {
        lostAll(event.getGuildId(), "the bot was removed from the server " + event.getGuildId());
    }

    @Override
    public void onChannelDelete(ChannelDeleteEvent event) {
        if (event.getChannel() instanceof ThreadChannel || !event.isFromGuild()) {
            return;
        }
        Map<String, Boolean> known = access.get(event.getGuild().getId());
        Boolean before = known == null ? null : known.remove(event.getChannel().getId());
        if (Boolean.TRUE.equals(before)) {
            onLost.accept(ref(event.getChannel().getId()), "the channel #" + event.getChannel().getName()
                    + " was deleted");
        }
    }

    @Override
    public void onGenericPermissionOverride(GenericPermissionOverrideEvent event) {
        recheck(event.getGuild());
    }

    @Override
    public void onRoleUpdatePermissions(RoleUpdatePermissionsEvent event) {
        recheck(event.getGuild());
    }

    @Override
    public void onRoleDelete(RoleDeleteEvent event) {
        recheck(event.getGuild());
    }

    @Override
    public void onGuildMemberRoleRemove(GuildMemberRoleRemoveEvent event) {
        if (event.getMember().equals(event.getGuild().getSelfMember())) {
            recheck(event.getGuild());
        }
    }

    private void recheck(Guild guild) {
        Map<String, Boolean> known = access.computeIfAbsent(guild.getId(), g -> new ConcurrentHashMap<>());
        Member self = guild.getSelfMember();
        for (GuildChannel channel : guild.getChannels()) {
            if (!(channel instanceof StandardGuildMessageChannel) && !(channel instanceof IPostContainer)) {
                continue;
            }
            List<Permission> missing = missing(self, channel);
            Boolean before = known.put(channel.getId(), missing.isEmpty());
            if (Boolean.TRUE.equals(before) && !missing.isEmpty()) {
                onLost.accept(ref(channel.getId()), "the bot lost access to #" + channel.getName() + ": it needs "
                        + String.join(", ", missing.stream().map(Permission::getName).toList()));
            }
        }
    }

    // What posting a digest needs: seeing the channel, posting (or opening posts), and its threads.
    private static List<Permission> missing(Member self, GuildChannel channel) {
        EnumSet<Permission> needed = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_SEND_IN_THREADS);
        if (channel instanceof IThreadContainer && !(channel instanceof IPostContainer)) {
            needed.add(Permission.CREATE_PUBLIC_THREADS);
        }
        List<Permission> missing = new ArrayList<>();
        for (Permission p : needed) {
            if (!self.hasPermission(channel, p)) {
                missing.add(p);
            }
        }
        return missing;
    }

    private void lostAll(String guildId, String reason) {
        Map<String, Boolean> known = access.remove(guildId);
        if (known == null) {
            return;
        }
        known.forEach((channelId, couldPost) -> {
            if (couldPost) {
                onLost.accept(ref(channelId), reason);
            }
        });
    }

    private static ChannelRef ref(String channelId) {
        return new ChannelRef("discord", channelId);
    }
}
