package org.pando.account;

import org.pando.domain.DomainException;

/** The signed-in account lacks the role this needs. */
public final class RoleRequired extends DomainException {
    private static final long serialVersionUID = 1L;

    private RoleRequired(String code, String message) {
        super(Reason.FORBIDDEN, code, message);
    }

    /** Only moderators (and admins) may do this. */
    public static RoleRequired moderator() {
        return new RoleRequired("moderators-only", "Only moderators can do this.");
    }

    /** Only admins may do this. */
    public static RoleRequired admin() {
        return new RoleRequired("admins-only", "Only admins can do this.");
    }
}
