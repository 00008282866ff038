package org.pando.events.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.pando.events.EventLogUnavailable;
import org.pando.events.Sequences;

/**
 * Writes batches of records to the topic in Kafka transactions, on a thread of its own: the batches that arrive while
 * one transaction commits go together in the next (a group commit), and each batch is in the log whole or not at all.
 * A batch is acknowledged once its transaction is committed and readers of committed records can read it.
 *
 * <p>A batch that waits longer than the timeout without being taken into a transaction is dropped and refused, so a
 * refused batch is not in the log; one already in a transaction when its sender stops waiting is refused only if
 * that transaction is aborted. When a transaction fails the writer aborts it, and refuses its batches; when the
 * producer itself can go on no more (fenced, or the brokers gone), it is closed and made again at the next batch under
 * the same transactional id, which fences the old one and aborts what it left open.
 */
final class TransactionalWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TransactionalWriter.class.getName());
    /** Events in one transaction at most; a batch larger than this goes alone. */
    private static final int MOST_PER_TRANSACTION = 10_000;
    /** How long a committed transaction may take to become readable before it is acknowledged anyway. */
    private static final Duration READABLE_WITHIN = Duration.ofSeconds(1);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);

    private final String topic;
    private final Duration timeout;
    private final Properties producerSettings;
    private final BlockingQueue<Batch> waiting = new LinkedBlockingQueue<>();
    /** The ends of the partitions for readers of committed records; the writer thread's alone. */
    private final KafkaConsumer<byte[], byte[]> ends;
    private final Thread thread;
    private volatile boolean open = true;
    /** Made at the first transaction, and again after a failure it cannot go on from; the writer thread's alone. */
    private KafkaProducer<byte[], byte[]> producer;

    TransactionalWriter(String topic, Duration timeout, Properties producerSettings, Properties consumerSettings) {
        this.topic = topic;
        this.timeout = timeout;
        this.producerSettings = producerSettings;
        this.ends = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = Thread.ofPlatform().name("pando-events-kafka-writer").daemon().start(this::run);
    }

    /**
     * Writes the records in one transaction, with others that wait, and returns the sequence of the last.
     *
     * @throws EventLogUnavailable when the brokers did not take the batch in time, or its transaction was aborted
     */
    long append(List<ProducerRecord<byte[], byte[]>> records) {
        Batch batch = new Batch(records);
        if (!open) {
            throw new IllegalStateException("The writer of " + topic + " is closed");
        }
        waiting.add(batch);
        try {
            try {
                return batch.done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notTaken) {
                if (batch.abandon()) {
                    throw unavailable(notTaken);
                }
                // In a transaction already, which the producer's own time limits end one way or the other.
                return batch.done.get(4 * timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            thread.join(timeout.multipliedBy(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (open) {
                List<Batch> round = nextRound();
                if (!round.isEmpty()) {
                    commit(round);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Batch batch; (batch = waiting.poll()) != null; ) {
                batch.done.completeExceptionally(new IllegalStateException("The writer of " + topic + " closed"));
            }
            closeProducer();
            ends.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** The batches of the next transaction: the first to arrive and those waiting behind it, up to the limit. */
    private List<Batch> nextRound() throws InterruptedException {
        List<Batch> round = new ArrayList<>();
        int events = 0;
        Batch next = waiting.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        while (next != null) {
            if (next.take()) {
                round.add(next);
                events += next.records.size();
            }
            next = events < MOST_PER_TRANSACTION ? waiting.poll() : null;
        }
        return round;
    }

    private void commit(List<Batch> round) {
        try {
            KafkaProducer<byte[], byte[]> producer = producer();
            producer.beginTransaction();
            List<Future<RecordMetadata>> lastOfBatch = new ArrayList<>(round.size());
            Map<Integer, Future<RecordMetadata>> lastInPartition = new HashMap<>();
            for (Batch batch : round) {
                Future<RecordMetadata> last = null;
                for (ProducerRecord<byte[], byte[]> record : batch.records) {
                    last = producer.send(record);
                    lastInPartition.put(record.partition(), last);
                }
                lastOfBatch.add(last);
            }
            producer.commitTransaction();
            awaitReadable(lastInPartition);
            for (int i = 0; i < round.size(); i++) {
                RecordMetadata last = lastOfBatch.get(i).get();
                round.get(i).done.complete(Sequences.of(last.partition(), last.offset() + 1));
            }
        } catch (RuntimeException | ExecutionException e) {
            abort();
            round.forEach(batch -> batch.done.completeExceptionally(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            round.forEach(batch -> batch.done.completeExceptionally(e));
        }
    }

    /**
     * Waits until readers of committed records can read up to the last record of each partition: the brokers write
     * the markers that end a transaction after it is committed.
     */
    private void awaitReadable(Map<Integer, Future<RecordMetadata>> lastInPartition)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> wanted = new HashMap<>();
        for (Future<RecordMetadata> last : lastInPartition.values()) {
            RecordMetadata m = last.get();
            wanted.put(new TopicPartition(m.topic(), m.partition()), m.offset() + 1);
        }
        long deadline = System.nanoTime() + READABLE_WITHIN.toNanos();
        try {
            while (true) {
                Map<TopicPartition, Long> readable = ends.endOffsets(wanted.keySet(), timeout);
                if (wanted.entrySet().stream().allMatch(w -> readable.getOrDefault(w.getKey(), 0L) >= w.getValue())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    LOG.log(System.Logger.Level.DEBUG, "A committed transaction of {0} is not readable yet", topic);
                    return;
                }
                Thread.sleep(1);
            }
        } catch (KafkaException e) {
            // Committed all the same: readers will see it once the markers are written.
            LOG.log(System.Logger.Level.DEBUG, "Could not ask whether a committed transaction is readable", e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            KafkaProducer<byte[], byte[]> made = new KafkaProducer<>(producerSettings, new ByteArraySerializer(),
                    new ByteArraySerializer());
            try {
                made.initTransactions();
            } catch (RuntimeException e) {
                made.close(Duration.ZERO);
                throw e;
            }
            producer = made;
        }
        return producer;
    }

    /** Aborts the open transaction; a producer that cannot abort it is closed, and made again at the next batch. */
    private void abort() {
        if (producer == null) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The Kafka producer of " + topic + " could not abort a transaction;"
                    + " making a new one", e);
            closeProducer();
        }
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private EventLogUnavailable unavailable(Throwable cause) {
        return new EventLogUnavailable("Kafka topic " + topic, cause);
    }

    /** A sender's records, waiting to be taken into a transaction, or given up by their sender. */
    private static final class Batch {
        private static final int WAITING = 0;
        private static final int TAKEN = 1;
        private static final int ABANDONED = 2;

        private final List<ProducerRecord<byte[], byte[]>> records;
        private final CompletableFuture<Long> done = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(WAITING);

        Batch(List<ProducerRecord<byte[], byte[]>> records) {
            this.records = records;
        }

        /** Whether the writer may put it in a transaction: not if its sender gave up waiting. */
        boolean take() {
            return state.compareAndSet(WAITING, TAKEN);
        }

        /** Whether the sender gave it up before the writer took it, so it will never be written. */
        boolean abandon() {
            return state.compareAndSet(WAITING, ABANDONED);
        }
    }
}
