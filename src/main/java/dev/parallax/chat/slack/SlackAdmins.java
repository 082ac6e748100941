package dev.parallax.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the admin subcommands in Slack: workspace admins and owners (users.info), and
 * members of the configured user group (usergroups.users.list). Answers are cached; a failed
 * lookup counts as "not an admin" for this command only and is not cached.
 */
final class SlackAdmins {
    private static final Logger LOG = LoggerFactory.getLogger(SlackAdmins.class);

    private final MethodsClient client;
    private final String group;
    private final InstantSource clock;
    private final Duration ttl;
    private final Map<String, Entry<Boolean>> users = new ConcurrentHashMap<>();
    private volatile Entry<Set<String>> members;

    SlackAdmins(MethodsClient client, String group, InstantSource clock, Duration ttl) {
        this.client = client;
        this.group = group;
        this.clock = clock;
        this.ttl = ttl;
    }

    boolean isAdmin(String userId) {
        if (userId == null || userId.isBlank()) {
            return false;
        }
        Entry<Boolean> cached = users.get(userId);
        if (cached != null && cached.fresh(clock.instant(), ttl)) {
            return cached.value();
        }
        Boolean admin = workspaceAdmin(userId);
        if (admin == null) {
            return inGroup(userId);
        }
        boolean result = admin || inGroup(userId);
        users.put(userId, new Entry<>(result, clock.instant()));
        return result;
    }

    // null when Slack could not tell.
    private Boolean workspaceAdmin(String userId) {
        try {
            UsersInfoResponse r = client.usersInfo(req -> req.user(userId));
            if (!r.isOk() || r.getUser() == null) {
                LOG.warn("users.info for {} failed: {}", userId, r.getError());
                return null;
            }
            User u = r.getUser();
            return u.isAdmin() || u.isOwner() || u.isPrimaryOwner();
        } catch (IOException | SlackApiException e) {
            LOG.warn("users.info for {} failed: {}", userId, e.getMessage());
            return null;
        }
    }

    private boolean inGroup(String userId) {
        if (group.isEmpty()) {
            return false;
        }
        Entry<Set<String>> known = members;
        if (known == null || !known.fresh(clock.instant(), ttl)) {
            try {
                UsergroupsUsersListResponse r = client.usergroupsUsersList(req -> req.usergroup(group));
                if (!r.isOk() || r.getUsers() == null) {
                    LOG.warn("usergroups.users.list for {} failed: {}", group, r.getError());
                    return known != null && known.value().contains(userId);
                }
                known = new Entry<>(Set.copyOf(r.getUsers()), clock.instant());
                members = known;
            } catch (IOException | SlackApiException e) {
                LOG.warn("usergroups.users.list for {} failed: {}", group, e.getMessage());
                return known != null && known.value().contains(userId);
            }
        }
        return known.value().contains(userId);
    }

    private record Entry<T>(T value, Instant at) {
        boolean fresh(Instant now, Duration ttl) {
            return Duration.between(at, now).compareTo(ttl) < 0;
        }
    }
}
