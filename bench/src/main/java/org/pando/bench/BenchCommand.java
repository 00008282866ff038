package org.pando.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code pando bench <name> [options]} and runs the benchmark. */
public final class BenchCommand {
    private BenchCommand() {
    }

    /** Runs a benchmark; returns the process exit status. */
    public static int run(String[] args, PrintStream out) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || !rest.getFirst().equals("media")) {
            throw new IllegalArgumentException("Say which benchmark: pando bench media [--shared DIR] [--json FILE]");
        }
        rest.removeFirst();
        Path shared = Path.of(option(rest, "--shared", System.getenv().getOrDefault("PANDO_SHARED", "../shared")));
        Path json = Path.of(option(rest, "--json", "bench/results/media.json"));
        Path work = Path.of(option(rest, "--work", System.getProperty("java.io.tmpdir"))).resolve("pando-bench-media");
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("Unknown arguments: " + String.join(" ", rest));
        }
        return new MediaBench(shared, work, out).run(json);
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value.");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }
}
