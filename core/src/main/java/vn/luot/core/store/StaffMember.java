package vn.luot.core.store;

import vn.luot.core.domain.Role;

/** A member of staff who can log in. The password is only ever kept as a salted hash. */
public record StaffMember(String username, String displayName, Role role, String passwordHash, boolean active) {
    @Override
    public String toString() {
        return "StaffMember[" + username + ", " + role + (active ? "" : ", inactive") + "]";
    }
}
