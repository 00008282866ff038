package org.pando.account;

import java.time.Duration;

/**
 * Settings of sign-in ({@code auth.*}).
 *
 * @param sessionTtl       how long a browser session lasts ({@code auth.session-ttl}, default 30 days)
 * @param argon2MemoryKib  Argon2id memory cost in KiB ({@code auth.argon2.memory-kib}, default 19456, the
 *                         OWASP minimum)
 * @param argon2Iterations Argon2id passes ({@code auth.argon2.iterations}, default 2)
 * @param secureCookie     whether the session cookie is marked {@code Secure} ({@code auth.secure-cookie},
 *                         default true; browsers accept it on http://localhost and 127.0.0.1)
 */
public record AuthConfig(Duration sessionTtl, int argon2MemoryKib, int argon2Iterations, boolean secureCookie) {
    /** The embedded defaults. */
    public static AuthConfig defaults() {
        return new AuthConfig(Duration.ofDays(30), 19456, 2, true);
    }
}
