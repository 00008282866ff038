package org.pando.web;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * Counters and gauges in the Prometheus text exposition format, with the JVM's own figures.
 *
 * <pre>{@code
 * metrics.gauge("pando_jobs_queued", "Jobs waiting to run", () -> queue.queued());
 * metrics.increment("pando_uploads_total", "Uploads finished");
 * }</pre>
 */
public final class Metrics {
    private final Map<String, Counter> counters = new ConcurrentSkipListMap<>();
    private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();

    private record Gauge(String help, DoubleSupplier value) {
    }

    private static final class Counter {
        final String help;
        final Map<String, LongAdder> byLabels = new ConcurrentSkipListMap<>();

        Counter(String help) {
            this.help = help;
        }
    }

    /** Adds one to a counter without labels. */
    public void increment(String name, String help) {
        add(name, help, "", 1);
    }

    /** Adds to a counter; {@code labels} is Prometheus label syntax without braces, such as {@code status="200"}. */
    public void add(String name, String help, String labels, long amount) {
        counters.computeIfAbsent(name, n -> new Counter(help)).byLabels
                .computeIfAbsent(labels, l -> new LongAdder()).add(amount);
    }

    /** Registers a gauge read at every scrape. */
    public void gauge(String name, String help, DoubleSupplier value) {
        gauges.put(name, new Gauge(help, value));
    }

    /** The exposition text. */
    public String scrape() {
        StringBuilder out = new StringBuilder();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        gauge(out, "jvm_heap_used_bytes", "Heap in use", memory.getHeapMemoryUsage().getUsed());
        gauge(out, "jvm_threads_live", "Live threads", ManagementFactory.getThreadMXBean().getThreadCount());
        gauge(out, "process_uptime_seconds", "Seconds since start", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        new TreeMap<>(gauges).forEach((name, g) -> gauge(out, name, g.help(), g.value().getAsDouble()));
        counters.forEach((name, counter) -> {
            out.append("# HELP ").append(name).append(' ').append(counter.help).append('\n');
            out.append("# TYPE ").append(name).append(" counter\n");
            counter.byLabels.forEach((labels, value) -> out.append(name)
                    .append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ').append(value.sum()).append('\n'));
        });
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(' ').append(String.format(Locale.ROOT, "%s", value)).append('\n');
    }
}
