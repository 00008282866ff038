package org.pando.events.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pando.events.EventCodec;
import org.pando.events.EventLog;
import org.pando.events.EventLogUnavailable;
import org.pando.events.EventsConfig;
import org.pando.events.LoggedEvent;
import org.pando.events.UserEvent;

/**
 * The event log as one Kafka topic. An event is a record keyed by its viewer, its value the event's bytes as the
 * segment log writes them ({@link EventCodec}); a sequence is the record's offset plus one. The topic has one
 * partition, so that every reader sees one order, as the {@link EventLog} contract asks; the key by viewer keeps each
 * viewer's events in order should the topic be split by viewer later.
 *
 * <p>An append returns once every record of the batch is acknowledged by all in-sync replicas, with an idempotent
 * producer (a retried send is not written twice). Unlike the segment log, a batch is not all-or-nothing: when the
 * brokers fail partway, the append fails and part of the batch may be in the log.
 */
public final class KafkaEventLog implements EventLog, AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private final KafkaProducer<byte[], byte[]> producer;
    /** Finds the end of the topic, for {@link #lastSequence()}. */
    private final KafkaConsumer<byte[], byte[]> ends;
    /**
     * One consumer per reading thread (the engine's stream, the statistics' stream), so that each reads on from where
     * it stopped instead of moving a shared one back and forth; those of threads that have ended are closed when the
     * next reader is made.
     */
    private final Map<Thread, KafkaConsumer<byte[], byte[]>> readers = new ConcurrentHashMap<>();
    private final Properties consumerSettings = new Properties();
    private final TopicPartition partition;
    private final Duration timeout;

    private KafkaEventLog(EventsConfig.Kafka config) {
        this.partition = new TopicPartition(config.topic(), 0);
        this.timeout = config.timeout();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(config.timeout().toMillis()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "pando-events-writer");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        consumerSettings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerSettings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.ends = consumer();
    }

    /**
     * Connects to the brokers and makes the topic, with one partition, when it is missing.
     *
     * @throws KafkaUnavailable when the brokers cannot be reached in time
     */
    public static KafkaEventLog open(EventsConfig.Kafka config) {
        makeTopic(config);
        return new KafkaEventLog(config);
    }

    @Override
    public long append(List<UserEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        try {
            for (UserEvent e : events) {
                sent.add(producer.send(new ProducerRecord<>(partition.topic(), partition.partition(),
                        e.userId().getBytes(StandardCharsets.UTF_8), EventCodec.bytes(e))));
            }
            producer.flush();
            long last = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<RecordMetadata> f : sent) {
                last = Math.max(last, f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).offset() + 1);
            }
            return last;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new EventLogUnavailable("Kafka topic " + partition.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventLogUnavailable("Kafka topic " + partition.topic(), e);
        }
    }

    @Override
    public long lastSequence() {
        synchronized (ends) {
            Map<TopicPartition, Long> end = ends.endOffsets(List.of(partition), timeout);
            return end.getOrDefault(partition, 0L);
        }
    }

    /** {@inheritDoc} Empty only when nothing follows {@code sequence}, or when the brokers did not answer in time. */
    @Override
    public List<LoggedEvent> readAfter(long sequence, int max) {
        KafkaConsumer<byte[], byte[]> reader = readers.get(Thread.currentThread());
        if (reader == null) {
            closeEndedReaders();
            reader = consumer();
            readers.put(Thread.currentThread(), reader);
        }
        if (reader.position(partition, timeout) != sequence) {
            reader.seek(partition, sequence);
        }
        List<LoggedEvent> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        // A poll right after a seek may come back empty while the fetch is under way: poll again while there is more.
        while (read.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(POLL).records(partition)) {
                if (read.size() < max) {
                    read.add(new LoggedEvent(r.offset() + 1, decode(r)));
                }
            }
            if (read.isEmpty() && sequence >= lastSequence()) {
                break;
            }
        }
        long next = read.isEmpty() ? sequence : read.getLast().sequence();
        if (reader.position(partition, timeout) != next) {
            reader.seek(partition, next);
        }
        return read;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        synchronized (ends) {
            ends.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
        readers.values().forEach(reader -> reader.close(CloseOptions.timeout(Duration.ofSeconds(5))));
        readers.clear();
    }

    /** Closes the consumers of threads that have ended, which nothing else uses any more. */
    private void closeEndedReaders() {
        readers.entrySet().removeIf(e -> {
            if (e.getKey().isAlive()) {
                return false;
            }
            e.getValue().close(CloseOptions.timeout(Duration.ofSeconds(5)));
            return true;
        });
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        return consumer;
    }

    private static UserEvent decode(ConsumerRecord<byte[], byte[]> r) {
        try {
            return EventCodec.of(r.value(), 0, r.value().length);
        } catch (IOException e) {
            throw new IllegalStateException("Event " + (r.offset() + 1) + " of " + r.topic() + " is not one Pando wrote", e);
        }
    }

    private static void makeTopic(EventsConfig.Kafka config) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(config.timeout().toMillis()));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(config.timeout().toMillis()));
        try (Admin admin = Admin.create(p)) {
            int brokers = admin.describeCluster().nodes().get(config.timeout().toMillis(), TimeUnit.MILLISECONDS).size();
            short replicas = (short) Math.min(3, Math.max(1, brokers));
            try {
                admin.createTopics(List.of(new NewTopic(config.topic(), 1, replicas)))
                        .all().get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new KafkaUnavailable("The Kafka brokers at " + config.bootstrap() + " cannot be reached to open the topic "
                    + config.topic() + " (events.kafka.*): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening the topic " + config.topic(), e);
        }
    }
}
