package org.pando.account;

/** What a stored token is for. */
public enum TokenKind {
    /** A browser session, carried in an http-only cookie; expires. */
    SESSION,
    /** A named token for scripts, sent as {@code Authorization: Bearer}; lives until revoked. */
    API
}
