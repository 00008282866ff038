package org.pando.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pando.events.EventLog;
import org.pando.events.LoggedEvent;
import org.pando.events.Sequences;
import org.pando.recommend.OffPolicyReplay;
import org.pando.store.Database;

/**
 * {@code pando eval --replay}: reads the instance's event log and estimates, from the propensities logged
 * with recommended impressions, what the feeds would have earned without their exploration slot.
 */
final class ReplayCommand {
    private static final int BATCH = 10_000;

    private ReplayCommand() {
    }

    static int run(PandoConfig config, Optional<Path> json, PrintStream out) {
        OffPolicyReplay replay = new OffPolicyReplay();
        long events = 0;
        try (Components components = new Components()) {
            Database database = components.started(Database.open(config.database()));
            EventLog log = EventLogs.open(config.events(), database, components);
            // a viewer's events are all in one partition, in their order, which is what the replay needs
            for (int p = 0; p < log.partitions(); p++) {
                long after = Sequences.of(p, 0);
                List<LoggedEvent> batch;
                while (!(batch = log.readAfter(after, BATCH)).isEmpty()) {
                    batch.forEach(replay);
                    after = batch.getLast().sequence();
                    events += batch.size();
                }
            }
        }
        Map<String, OffPolicyReplay.Estimate> rows = new LinkedHashMap<>();
        replay.estimates().forEach((surface, estimate) -> rows.put(surface.wireName(), estimate));
        rows.put("all", replay.overall());
        out.printf(Locale.ROOT, "Read %d events; %d impressions carry a propensity.%n%n", events, replay.overall().impressions());
        out.print(table(rows));
        json.ifPresent(path -> write(path, rows));
        return 0;
    }

    private static String table(Map<String, OffPolicyReplay.Estimate> rows) {
        StringBuilder s = new StringBuilder("""
                | surface | impressions | explored | logged reward | explored reward | IPS without exploration | SNIPS | effective samples |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        rows.forEach((name, e) -> s.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %.1f |%n",
                name, e.impressions(), e.explored(), cell(e.loggedReward()), cell(e.exploredReward()), cell(e.ips()),
                cell(e.snips()), e.effectiveSamples())));
        s.append("\nReward: the viewer finished, half-watched or liked the video within an hour of the impression.\n");
        return s.toString();
    }

    /** A rate to four places, or a dash where there was nothing to estimate from. */
    private static String cell(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static void write(Path path, Map<String, OffPolicyReplay.Estimate> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        rows.forEach((surface, e) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("surface", surface);
            row.put("impressions", e.impressions());
            row.put("explored", e.explored());
            row.put("logged_reward", number(e.loggedReward()));
            row.put("explored_reward", number(e.exploredReward()));
            row.put("ips", number(e.ips()));
            row.put("snips", number(e.snips()));
            row.put("effective_samples", number(e.effectiveSamples()));
            list.add(row);
        });
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), Map.of("rows", list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
