package org.pando.events;

/**
 * An event with its position in the log.
 *
 * @param sequence strictly increasing position, starting at 1
 * @param event    the event
 */
public record LoggedEvent(long sequence, UserEvent event) {
}
