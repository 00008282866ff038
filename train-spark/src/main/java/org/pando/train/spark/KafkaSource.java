package org.pando.train.spark;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import org.pando.events.EventsConfig;
import org.pando.events.kafka.KafkaEventLog;

/**
 * The Kafka topic the web nodes share as their event log, in a form Spark ships to its tasks, each of which opens its
 * own connection to read its share of the log.
 *
 * @param bootstrap the brokers, {@code host:port[,host:port...]}
 * @param topic     the topic
 * @param timeout   how long to wait for the brokers
 */
record KafkaSource(String bootstrap, String topic, Duration timeout) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Opens the topic as Pando's event log (a topic that is missing is made with one partition, and holds nothing). */
    KafkaEventLog open() {
        return KafkaEventLog.open(new EventsConfig.Kafka(bootstrap, topic, timeout, 1));
    }

    @Override
    public String toString() {
        return "Kafka topic " + topic + " at " + bootstrap;
    }
}
