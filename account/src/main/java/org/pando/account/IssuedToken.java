package org.pando.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A token just issued: the only moment its secret is known.
 *
 * @param id        public identifier
 * @param secret    what the client presents; never stored
 * @param expiresAt when it stops working, if ever
 */
public record IssuedToken(String id, String secret, Optional<Instant> expiresAt) {
}
