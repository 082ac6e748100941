package dev.parallax.chat.discord;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * Who may use admin subcommands: members with Manage Server, or with the configured role (by id
 * or name). Checked by us on every command, whatever Discord's command permissions show or hide.
 */
final class AdminCheck {
    private final String role;

    AdminCheck(String role) {
        this.role = role == null ? "" : role.strip();
    }

    boolean isAdmin(Member member) {
        if (member == null) {
            return false;
        }
        if (member.hasPermission(Permission.MANAGE_SERVER)) {
            return true;
        }
        if (role.isEmpty()) {
            return false;
        }
        for (Role r : member.getRoles()) {
            if (r.getId().equals(role) || r.getName().equalsIgnoreCase(role)) {
                return true;
            }
        }
        return false;
    }

    String refusal() {
        return role.isEmpty() ? "Only members with the Manage Server permission can change Parallax's settings here."
                : "Only members with the Manage Server permission or the " + role
                        + " role can change Parallax's settings here.";
    }
}
