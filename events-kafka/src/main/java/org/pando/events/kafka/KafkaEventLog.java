package org.pando.events.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.pando.events.EventCodec;
import org.pando.events.EventLog;
import org.pando.events.EventsConfig;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.Sequences;
import org.pando.events.UserEvent;

/**
 * The event log as one Kafka topic. An event is a record keyed by its viewer, its value the event's bytes as the
 * segment log writes them ({@link EventCodec}). The topic is split into partitions by viewer, as Kafka's own keyed
 * producers split it (murmur2 of the key), so every viewer's events keep one order; an event's sequence carries its
 * partition and its record's offset plus one ({@link Sequences}). A topic made by Pando has
 * {@code events.kafka.partitions}; one that exists keeps the partitions it has (they are counted when the log opens).
 *
 * <p>A batch is written in one Kafka transaction ({@link TransactionalWriter}, {@code acks=all}), with the batches
 * that arrive while the one before commits: it is in the log whole or not at all, as in the segment log, and an
 * append returns once it is committed and readable. Readers read committed records only. Each transaction leaves a
 * marker in every partition it wrote, which takes a place there, so the sequences of one partition have gaps: a
 * read passes over them, and {@link #pastGaps} takes a reader past those at the end.
 */
public final class KafkaEventLog implements EventLog, AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LINGER = Duration.ofMillis(20);
    private final Properties producerSettings = new Properties();
    /** Made at the first append, so that a reader of the log (a training task) holds no producer. */
    private TransactionalWriter writer;
    /** Finds the ends of the partitions, for {@link #lastSequence(int)}. */
    private final KafkaConsumer<byte[], byte[]> ends;
    /**
     * One consumer per reading thread and partition (the engine's stream, the statistics' stream), so that each reads
     * on from where it stopped instead of moving a shared one back and forth; those of threads that have ended are
     * closed when the next reader is made.
     */
    private final Map<Thread, KafkaConsumer<byte[], byte[]>[]> readers = new ConcurrentHashMap<>();
    private final Properties consumerSettings = new Properties();
    private final String topic;
    private final int partitions;
    private final Duration timeout;

    private KafkaEventLog(EventsConfig.Kafka config, int partitions) {
        this.topic = config.topic();
        this.partitions = partitions;
        this.timeout = config.timeout();
        long millis = config.timeout().toMillis();
        producerSettings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // One id for this log's writer, kept when its producer is made again, so that the new producer fences the old.
        producerSettings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "pando-events-" + UUID.randomUUID());
        // A writer that dies with a transaction open holds readers of its partitions back until the brokers abort it.
        producerSettings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(millis));
        // The commit sends what is buffered at once, so records may wait for the rest of their transaction.
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(LINGER.toMillis()));
        producerSettings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(millis));
        producerSettings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(millis));
        producerSettings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(millis + LINGER.toMillis()));
        // A transaction begun right after another is told to wait while the brokers finish the last one; at the
        // client's default of 100 ms between tries that wait was most of each transaction's time, and a tenth as many
        // events per second went in. Repeated errors still back off, up to a second.
        producerSettings.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "5");
        producerSettings.put(ProducerConfig.CLIENT_ID_CONFIG, "pando-events-writer");
        consumerSettings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerSettings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.ends = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Connects to the brokers and makes the topic, with {@code events.kafka.partitions}, when it is missing.
     *
     * @throws KafkaUnavailable when the brokers cannot be reached in time
     */
    public static KafkaEventLog open(EventsConfig.Kafka config) {
        return new KafkaEventLog(config, openTopic(config));
    }

    /** The partition of a viewer's events among {@code partitions}: Kafka's own choice for a record keyed by them. */
    static int partitionOf(String userId, int partitions) {
        return Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public long append(List<UserEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events.size());
        for (UserEvent e : events) {
            records.add(new ProducerRecord<>(topic, partitionOf(e.userId(), partitions), e.userId().getBytes(StandardCharsets.UTF_8),
                    EventCodec.bytes(e)));
        }
        return writer().append(records);
    }

    private synchronized TransactionalWriter writer() {
        if (writer == null) {
            writer = new TransactionalWriter(topic, timeout, producerSettings, consumerSettings);
        }
        return writer;
    }

    @Override
    public int partitions() {
        return partitions;
    }

    @Override
    public long lastSequence() {
        return lastSequence(0);
    }

    @Override
    public long lastSequence(int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        synchronized (ends) {
            return Sequences.of(partition, ends.endOffsets(List.of(tp), timeout).getOrDefault(tp, 0L));
        }
    }

    /** {@inheritDoc} One question to the brokers for every partition. */
    @Override
    public LogPosition end() {
        List<TopicPartition> all = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            all.add(new TopicPartition(topic, p));
        }
        Map<TopicPartition, Long> offsets;
        synchronized (ends) {
            offsets = ends.endOffsets(all, timeout);
        }
        long[] end = new long[partitions];
        offsets.forEach((tp, offset) -> end[tp.partition()] = offset);
        return LogPosition.of(end);
    }

    /** {@inheritDoc} Empty only when nothing follows {@code sequence}, or when the brokers did not answer in time. */
    @Override
    public List<LoggedEvent> readAfter(long sequence, int max) {
        return read(sequence, max).events();
    }

    /** {@inheritDoc} Reads on from {@code sequence}; when no event is left, where the reader stopped. */
    @Override
    public long pastGaps(long sequence) {
        Slice slice = read(sequence, 1);
        return slice.events().isEmpty() ? Math.max(sequence, slice.passed()) : sequence;
    }

    /**
     * Up to {@code max} events of a partition after {@code sequence}; when there are none, the place up to which the
     * partition was seen to hold none ({@code sequence} itself when the brokers did not answer in time).
     */
    private Slice read(long sequence, int max) {
        int p = Sequences.partition(sequence);
        long offset = Sequences.offset(sequence);
        TopicPartition tp = new TopicPartition(topic, p);
        long end = Sequences.offset(lastSequence(p));
        if (offset >= end) {
            return new Slice(List.of(), sequence);
        }
        KafkaConsumer<byte[], byte[]> reader = reader(p);
        if (reader.position(tp, timeout) != offset) {
            reader.seek(tp, offset);
        }
        List<LoggedEvent> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        // A poll right after a seek may come back empty while the fetch is under way, and one that fetched only the
        // markers of transactions, or records of aborted ones, gives nothing but moves the reader past them: poll
        // again until there are events, or the reader is at the end.
        while (read.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(POLL).records(tp)) {
                if (read.size() < max) {
                    read.add(new LoggedEvent(Sequences.of(p, r.offset() + 1), decode(r)));
                }
            }
            long at = reader.position(tp, timeout);
            if (read.isEmpty() && at >= end) {
                return new Slice(List.of(), Sequences.of(p, at));
            }
        }
        if (read.isEmpty()) {
            return new Slice(List.of(), sequence);
        }
        long next = Sequences.offset(read.getLast().sequence());
        if (reader.position(tp, timeout) != next) {
            reader.seek(tp, next);
        }
        return new Slice(read, read.getLast().sequence());
    }

    /** What a read found, and where it stopped: after the last event, or past the places it saw hold none. */
    private record Slice(List<LoggedEvent> events, long passed) {
    }

    @Override
    public void close() {
        synchronized (this) {
            if (writer != null) {
                writer.close();
            }
        }
        synchronized (ends) {
            ends.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
        readers.values().forEach(KafkaEventLog::closeAll);
        readers.clear();
    }

    /** This thread's consumer of a partition, made on first use. */
    private KafkaConsumer<byte[], byte[]> reader(int partition) {
        KafkaConsumer<byte[], byte[]>[] own = readers.get(Thread.currentThread());
        if (own == null) {
            closeEndedReaders();
            @SuppressWarnings("unchecked")
            KafkaConsumer<byte[], byte[]>[] made = new KafkaConsumer[partitions];
            own = made;
            readers.put(Thread.currentThread(), own);
        }
        if (own[partition] == null) {
            own[partition] = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            own[partition].assign(List.of(new TopicPartition(topic, partition)));
        }
        return own[partition];
    }

    /** Closes the consumers of threads that have ended, which nothing else uses any more. */
    private void closeEndedReaders() {
        readers.entrySet().removeIf(e -> {
            if (e.getKey().isAlive()) {
                return false;
            }
            closeAll(e.getValue());
            return true;
        });
    }

    private static void closeAll(KafkaConsumer<byte[], byte[]>[] consumers) {
        for (KafkaConsumer<byte[], byte[]> consumer : consumers) {
            if (consumer != null) {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            }
        }
    }

    private static UserEvent decode(ConsumerRecord<byte[], byte[]> r) {
        try {
            return EventCodec.of(r.value(), 0, r.value().length);
        } catch (IOException e) {
            throw new IllegalStateException("Event " + (r.offset() + 1) + " of " + r.topic() + "-" + r.partition()
                    + " is not one Pando wrote", e);
        }
    }

    /** Makes the topic when it is missing; returns how many partitions it has. */
    private static int openTopic(EventsConfig.Kafka config) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(config.timeout().toMillis()));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(config.timeout().toMillis()));
        long wait = config.timeout().toMillis();
        try (Admin admin = Admin.create(p)) {
            int brokers = admin.describeCluster().nodes().get(wait, TimeUnit.MILLISECONDS).size();
            short replicas = (short) Math.min(3, Math.max(1, brokers));
            try {
                admin.createTopics(List.of(new NewTopic(config.topic(), config.partitions(), replicas)))
                        .all().get(wait, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            int partitions = admin.describeTopics(List.of(config.topic())).allTopicNames().get(wait, TimeUnit.MILLISECONDS)
                    .get(config.topic()).partitions().size();
            if (partitions > Sequences.MAX_PARTITIONS) {
                throw new KafkaUnavailable("The topic " + config.topic() + " has " + partitions + " partitions; Pando reads at"
                        + " most " + Sequences.MAX_PARTITIONS, null);
            }
            return partitions;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new KafkaUnavailable("The Kafka brokers at " + config.bootstrap() + " cannot be reached to open the topic "
                    + config.topic() + " (events.kafka.*): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while opening the topic " + config.topic(), e);
        }
    }
}
