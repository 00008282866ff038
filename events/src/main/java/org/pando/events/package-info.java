/**
 * The one schema of everything people do on Pando, and the durable log it is written to.
 *
 * <p>Every action (impression, play, watch progress, completion, skip, like, unlike, follow, share,
 * comment) becomes a {@link org.pando.events.UserEvent}. The web module appends batches to an
 * {@link org.pando.events.EventLog}, which acknowledges only what is durable; the recommendation engine
 * and analytics read the log as a stream through {@link org.pando.events.EventStream}, in order, from any
 * position. The embedded log is a database table; a Kafka topic can replace it behind the same interface.
 */
package org.pando.events;
