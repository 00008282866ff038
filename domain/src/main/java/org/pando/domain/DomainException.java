package org.pando.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Base of every exception a Pando domain module throws on purpose.
 *
 * <p>The message is safe to show to the user who caused it: it names what was wrong and what to do, and
 * never contains internals. The {@link #code()} is a stable, kebab-case identifier that clients may use to
 * pick a translated message.
 *
 * <pre>{@code
 * public final class VideoNotFound extends DomainException {
 *     public VideoNotFound(String id) {
 *         super(Reason.NOT_FOUND, "video-not-found", "There is no video " + id + ".");
 *     }
 * }
 * }</pre>
 */
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request could not be done; the web module maps each to one HTTP status. */
    public enum Reason {
        /** The input is malformed or breaks a rule. */
        INVALID,
        /** The caller is not signed in, or the credentials are wrong. */
        UNAUTHENTICATED,
        /** The caller is signed in but may not do this. */
        FORBIDDEN,
        /** The thing asked for does not exist (or is not visible to the caller). */
        NOT_FOUND,
        /** The request conflicts with the current state (a taken name, a stale offset). */
        CONFLICT,
        /** The input is larger than a configured limit. */
        TOO_LARGE,
        /** The input's format is not one Pando accepts. */
        UNSUPPORTED,
        /** The caller sent too many requests. */
        RATE_LIMITED,
        /** The server is behind on work others gave it; the same request succeeds once it has caught up. */
        OVERLOADED
    }

    private final Reason reason;
    private final String code;

    protected DomainException(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    protected DomainException(Reason reason, String code, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.code = code;
    }

    /** Why the request failed. */
    public Reason reason() {
        return reason;
    }

    /** A stable identifier of this kind of failure, such as {@code upload-too-large}. */
    public String code() {
        return code;
    }

    /** How long the caller should wait before trying again, when waiting is what it takes; empty otherwise. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
