package app.herald.identity.domain;

import java.util.EnumSet;
import java.util.Set;

/** What a membership allows. The first four are agency staff; the last two are users of one client tenant. */
public enum Role {
    OWNER("Owner"),
    MANAGER("Manager"),
    EDITOR("Editor"),
    ANALYST("Analyst"),
    APPROVER("Client approver"),
    VIEWER("Client viewer");

    /** Jakarta Security group of every agency staff member, whatever the role. */
    public static final String MEMBER_GROUP = "MEMBER";
    /** Jakarta Security group of every client user. */
    public static final String CLIENT_GROUP = "CLIENT";
    public static final String PLATFORM_ADMIN_GROUP = "PLATFORM_ADMIN";

    public static final Set<Role> STAFF = EnumSet.of(OWNER, MANAGER, EDITOR, ANALYST);
    public static final Set<Role> CLIENT = EnumSet.of(APPROVER, VIEWER);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isStaff() {
        return STAFF.contains(this);
    }

    public boolean isClient() {
        return CLIENT.contains(this);
    }

    /** Owners and managers run the agency: its clients, members and client users. */
    public boolean managesAgency() {
        return this == OWNER || this == MANAGER;
    }
}
