package org.pando.web;

import java.util.function.BooleanSupplier;

/**
 * One line of {@code /health}: a named check that passes or fails.
 *
 * @param name    what is checked, such as {@code database}
 * @param healthy whether it is fine now
 */
public record HealthCheck(String name, BooleanSupplier healthy) {
}
