package vn.luot.core.domain;

import java.util.Objects;

/** The member of staff behind a request, as proven by their token. */
public record Actor(String username, Role role) {
    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }

    public boolean hasRole(Role... allowed) {
        for (Role r : allowed) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }
}
