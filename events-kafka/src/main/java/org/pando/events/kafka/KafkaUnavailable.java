package org.pando.events.kafka;

/** The Kafka brokers could not be reached to open the topic of events. */
public final class KafkaUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KafkaUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
