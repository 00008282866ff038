/**
 * The event log as a Kafka topic ({@code events.kafka.bootstrap}), for an instance whose web nodes share one log:
 * {@link org.pando.events.kafka.KafkaEventLog} appends each event as a record keyed by its viewer, acknowledges a
 * batch once the brokers have it ({@code acks=all}, idempotent), and reads the topic back in order for the
 * recommendation engine and the statistics, which rebuild their state by replaying it.
 */
package org.pando.events.kafka;
