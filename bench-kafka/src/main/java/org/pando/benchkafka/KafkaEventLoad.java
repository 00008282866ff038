package org.pando.benchkafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pando.events.EventCodec;
import org.pando.events.EventType;
import org.pando.events.Surface;
import org.pando.events.UserEvent;

/**
 * Produces user events, in the bytes of Pando's own log, to a Kafka topic as fast as the broker acknowledges them
 * with {@code acks=all}, keyed by user so a user's events stay in one partition; after a warm-up it counts the
 * acknowledgements of a timed window and prints them as one JSON line.
 *
 * <pre>
 * java -cp ... org.pando.benchkafka.KafkaEventLoad 127.0.0.1:9092 events 5 20 10000
 * {"acknowledged":..., "window_acknowledged":..., "window_s":20.0, "events_per_s":..., "errors":0}
 * </pre>
 */
public final class KafkaEventLoad {
    private static final int DISTINCT = 4096;
    private static final int USERS = 64;

    private KafkaEventLoad() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: KafkaEventLoad BOOTSTRAP TOPIC WARMUP_SECONDS SECONDS VIDEOS");
            System.exit(2);
        }
        String topic = args[1];
        long warmupNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        long windowNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(args[3]));
        int videos = Integer.parseInt(args[4]);

        byte[][] keys = new byte[DISTINCT][];
        byte[][] values = new byte[DISTINCT][];
        Instant now = Instant.now();
        for (int i = 0; i < DISTINCT; i++) {
            String user = UserEvent.VISITOR_PREFIX + "load" + (i % USERS);
            UserEvent event = new UserEvent(EventType.PROGRESS, user, String.format(Locale.ROOT, "v%09d", i * 7919 % videos),
                    "channel", Surface.FOR_YOU, Optional.of("KR"), Optional.of("ko"), i, 60_000, now);
            keys[i] = user.getBytes(StandardCharsets.UTF_8);
            values[i] = EventCodec.bytes(event);
        }

        AtomicLong acknowledged = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties(args[0]))) {
            long start = System.nanoTime();
            long windowStart = start + warmupNanos;
            long end = windowStart + windowNanos;
            long atWindowStart = -1;
            long atWindowEnd = -1;
            for (long i = 0; ; i++) {
                long t = System.nanoTime();
                if (atWindowStart < 0 && t >= windowStart) {
                    atWindowStart = acknowledged.get();
                    windowStart = t;
                }
                if (t >= end) {
                    atWindowEnd = acknowledged.get();
                    end = t;
                    break;
                }
                int at = (int) (i % DISTINCT);
                producer.send(new ProducerRecord<>(topic, keys[at], values[at]), (metadata, e) -> {
                    if (e == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double seconds = (end - windowStart) / 1e9;
            long inWindow = atWindowEnd - atWindowStart;
            System.out.printf(Locale.ROOT, "{\"acknowledged\":%d,\"window_acknowledged\":%d,\"window_s\":%.3f,"
                    + "\"events_per_s\":%.1f,\"errors\":%d}%n", acknowledged.get(), inWindow, seconds, inWindow / seconds,
                    errors.get());
        }
    }

    private static Properties properties(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 << 10));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L << 20));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
