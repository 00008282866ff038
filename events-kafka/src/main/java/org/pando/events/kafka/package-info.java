/**
 * The event log as a Kafka topic ({@code events.kafka.bootstrap}), for an instance whose web nodes share one log:
 * {@link org.pando.events.kafka.KafkaEventLog} appends each event as a record keyed by its viewer, writes each batch
 * whole or not at all in a Kafka transaction ({@link org.pando.events.kafka.TransactionalWriter}, {@code acks=all}),
 * and reads the committed records back in order for the recommendation engine and the statistics, which rebuild their
 * state by replaying it.
 */
package org.pando.events.kafka;
