package vn.luot.core.store;

import vn.luot.core.domain.Role;

/**
 * A member of staff who can log in. The password is only ever kept as a salted hash.
 *
 * @param tokenGeneration tokens carry it; a password change, a logout or disabling moves it on, revoking them
 */
public record StaffMember(String username, String displayName, Role role, String passwordHash, boolean active,
                          int tokenGeneration) {
    public StaffMember(String username, String displayName, Role role, String passwordHash, boolean active) {
        this(username, displayName, role, passwordHash, active, 0);
    }

    @Override
    public String toString() {
        return "StaffMember[" + username + ", " + role + (active ? "" : ", inactive") + "]";
    }
}
