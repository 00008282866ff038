/**
 * The Kafka side of {@code pando bench serve}: a producer of Pando's events, run in a child JVM next to a local
 * broker, so the embedded event log is measured side by side with the broker operators already run.
 */
package org.pando.benchkafka;
