package org.pando.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do beyond its own things. Every account starts as a {@link #MEMBER}; an operator makes the
 * first {@link #ADMIN} or {@link #MODERATOR} with {@code pando role USERNAME ROLE}, and an admin grants roles after.
 */
public enum Role {
    /** Uploads, watches, comments and reports, like everyone. */
    MEMBER,
    /** Also works through the review queue: approves or rejects held and reported videos and comments. */
    MODERATOR,
    /** Also grants and takes back roles. */
    ADMIN;

    /** Whether the account may decide on the review queue. */
    public boolean moderates() {
        return this != MEMBER;
    }

    /** The lower-case name used by the API, the command line and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this lower-case name, if there is one. */
    public static Optional<Role> ofWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
