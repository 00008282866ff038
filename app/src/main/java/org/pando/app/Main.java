package org.pando.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import org.pando.bench.BenchCommand;
import org.pando.blobs.BlobStoreUnavailable;
import org.pando.eval.EvalCommand;
import org.pando.eval.Split;
import org.pando.events.kafka.KafkaUnavailable;
import org.pando.media.MediaToolFailed;
import org.pando.media.MediaTools;
import org.pando.search.SearchIndexInUse;
import org.pando.store.DatabaseUnavailable;
import org.pando.understanding.ModelMissing;
import org.pando.understanding.VideoText;

/**
 * The {@code pando} command line.
 *
 * <pre>
 * pando serve [--port N] [--host ADDR] [--data-dir DIR] [--config FILE] [--set key=value]...
 * pando worker [--data-dir DIR] [--config FILE] [--set key=value]...
 * pando train [--config FILE] [--set key=value]... [--master local[2]|URL] [--tasks N] [--keep N]
 * pando bench media [--shared DIR] [--json FILE]
 * pando bench feed [--shared DIR] [--json FILE] [--requests N]
 * pando bench understand [--shared DIR] [--json FILE]
 * pando bench studio [--json FILE] [--events N]
 * pando bench serve [--json FILE] [--seconds N] [--videos N] [--users N] [--events N] [--feed-seconds N]
 * pando bench gen --data-dir DIR [--videos N] [--users N] [--creators N] [--events N]
 * pando eval --dataset gowalla|kuairec | --replay
 * pando analyze FILE [--json OUT] [--title TEXT] [--description TEXT] [--poster IMAGE]
 * pando role USERNAME member|moderator|admin
 * pando reindex [--data-dir DIR] [--config FILE]
 * </pre>
 */
public final class Main {
    private static final String USAGE = """
            Usage:
              pando serve [--port N] [--host ADDR] [--data-dir DIR] [--config FILE] [--set key=value]...
                  Serve Pando's web UI and API (default http://127.0.0.1:8080, data in ./data).
                  Every setting can also come from the YAML file or a PANDO_* environment variable,
                  such as PANDO_SERVER_PORT or PANDO_MEDIA_MAX_DURATION.
              pando worker [--data-dir DIR] [--config FILE] [--set key=value]...
                  Only transcode, analyse and screen uploads, taking the jobs from the database that
                  pando serve uses (database.url), keeping the results in the shared blob store.
              pando train [--config FILE] [--set key=value]... [--master local[2]|URL] [--tasks N] [--keep N]
                  Train the taste models (iALS, EASE) as a Spark job on the Kafka topic web nodes share
                  (events.kafka.*) and keep them in their blob store, where nodes with
                  recommend.offline-models adopt the newest. ./pando builds its module on demand.
              pando bench media [--shared DIR] [--json FILE] [--work DIR]
                  Time Pando's single-pass ladder against a hand-written ffmpeg run and one ffmpeg per rung.
              pando bench feed [--shared DIR] [--json FILE] [--requests N]
                  Load the recommendation engine with Gowalla's views and time For You's first page.
              pando bench understand [--shared DIR] [--json FILE] [--work DIR]
                  Time each analysis step of a 720p clip with speech against ffmpeg decoding it.
              pando bench studio [--json FILE] [--events N] [--work DIR]
                  Time a channel's studio page with a million events against SQL over the event log.
              pando bench serve [--json FILE] [--seconds N] [--videos N] [--users N] [--events N]
                                [--feed-seconds N] [--work DIR]
                  Post events over HTTP to pando serve against a local Kafka broker; kill -9 the server
                  while it ingests and count acknowledged events lost; then time For You under wrk on a
                  synthetic instance (default 100k videos and viewers, 5M events) with events mixed in.
              pando bench gen --data-dir DIR [--videos N] [--users N] [--creators N] [--events N]
                  Write a synthetic instance (default 1M videos, 1M viewers, 50M events) to serve.
              pando eval --dataset gowalla|kuairec [--shared DIR] [--json FILE] [--models A,B] [--split test|valid]
                  Train and measure recommendation models side by side on a public dataset
                  (--split valid: train on train, measure on valid, for choosing settings). SparkALS
                  (Spark MLlib's ALS) runs only when named; ./pando builds its module on demand.
              pando analyze FILE [--json OUT] [--title TEXT] [--description TEXT] [--poster IMAGE] [--config FILE]
                            [--set key=value]...
                  Analyse one media file without a server: loudness, speech to captions, Video Slide pages,
                  what its pictures (and the --poster image) show.
              pando eval --replay [--data-dir DIR] [--config FILE] [--json FILE]
                  Off-policy estimates (IPS, SNIPS) from this instance's own logged propensities.
              pando role USERNAME member|moderator|admin [--data-dir DIR] [--config FILE]
                  Give an account a role: moderators work through the review queue, admins also grant roles.
                  The embedded database belongs to one process: stop the server first.
              pando reindex [--data-dir DIR] [--config FILE] [--set key=value]...
                  Rebuild the search index from the database, with Pando stopped (serve rebuilds it
                  by itself when it is missing, of an older version or out of step).
            """;

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        System.exit(run(args, System.out, System.err));
    }

    /** One-line log records, libraries quiet unless something is wrong; a user's own file wins. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream config = Main.class.getResourceAsStream("/logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException e) {
            System.err.println("pando: default logging configuration unreadable: " + e.getMessage());
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            return switch (args[0]) {
                case "serve" -> serve(Arrays.copyOfRange(args, 1, args.length), out);
                case "worker" -> worker(Arrays.copyOfRange(args, 1, args.length), out);
                case "train" -> train(Arrays.copyOfRange(args, 1, args.length), out);
                case "bench" -> bench(Arrays.copyOfRange(args, 1, args.length), out);
                case "eval" -> eval(Arrays.copyOfRange(args, 1, args.length), out);
                case "analyze" -> analyze(Arrays.copyOfRange(args, 1, args.length), out);
                case "role" -> role(Arrays.copyOfRange(args, 1, args.length), out, err);
                case "reindex" -> ReindexCommand.run(PandoConfig.from(settings(Arrays.copyOfRange(args, 1, args.length))), out);
                default -> {
                    err.println("Unknown command '" + args[0] + "'.");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (ConfigurationError | MediaToolFailed | DatabaseUnavailable | BlobStoreUnavailable | KafkaUnavailable
                | ModelMissing | SearchIndexInUse | IllegalArgumentException e) {
            err.println("pando: " + e.getMessage());
            return 2;
        }
    }

    private static int serve(String[] args, PrintStream out) {
        PandoConfig config = PandoConfig.from(settings(args));
        out.println("ffmpeg: " + MediaTools.check(config.media()));
        Pando pando = Pando.start(config);
        out.println("Pando is serving http://" + config.web().host() + ":" + pando.port() + "/ (data in "
                + config.dataDir() + ", database " + (config.database().embedded() ? "embedded H2" : config.database().url()) + ")");
        return runUntilStopped(pando, out);
    }

    private static int worker(String[] args, PrintStream out) {
        PandoConfig config = PandoConfig.from(settings(args));
        out.println("ffmpeg: " + MediaTools.check(config.media()));
        Worker worker = Worker.start(config);
        out.println("Pando worker is taking media jobs from " + config.database().url() + " with " + config.jobs().workers()
                + " worker thread(s)");
        return runUntilStopped(worker, out);
    }

    private static int train(String[] args, PrintStream out) {
        List<String> rest = new ArrayList<>(List.of(args));
        TrainCommand.Options options = new TrainCommand.Options(orElse(flag(rest, "--master"), "local[2]"),
                Integer.parseInt(orElse(flag(rest, "--tasks"), "4")), Integer.parseInt(orElse(flag(rest, "--keep"), "3")));
        return TrainCommand.run(PandoConfig.from(settings(rest.toArray(String[]::new))), options, out);
    }

    /** Waits for SIGTERM or Ctrl-C, then closes what runs. */
    private static int runUntilStopped(AutoCloseable running, PrintStream out) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("pando: stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int bench(String[] args, PrintStream out) {
        List<String> rest = new ArrayList<>(List.of(args));
        String which = rest.isEmpty() ? "" : rest.removeFirst();
        if (!List.of("media", "feed", "understand", "studio", "serve", "gen").contains(which)) {
            throw new ConfigurationError(
                    "Say which benchmark: pando bench media|feed|understand|studio|serve|gen [--shared DIR] [--json FILE]");
        }
        if (which.equals("gen")) {
            return gen(rest, out);
        }
        Path shared = Path.of(orElse(flag(rest, "--shared"), System.getenv().getOrDefault("PANDO_SHARED", "../shared")));
        Path json = Path.of(orElse(flag(rest, "--json"), "bench/results/" + which + ".json"));
        Path work = Path.of(orElse(flag(rest, "--work"), System.getProperty("java.io.tmpdir")));
        int requests = Integer.parseInt(orElse(flag(rest, "--requests"), "10000"));
        int events = Integer.parseInt(orElse(flag(rest, "--events"), which.equals("serve") ? "5000000" : "1000000"));
        int seconds = Integer.parseInt(orElse(flag(rest, "--seconds"), "20"));
        int feedSeconds = Integer.parseInt(orElse(flag(rest, "--feed-seconds"), "60"));
        int videos = Integer.parseInt(orElse(flag(rest, "--videos"), "100000"));
        int users = Integer.parseInt(orElse(flag(rest, "--users"), "100000"));
        if (!rest.isEmpty()) {
            throw new ConfigurationError("Unknown arguments: " + String.join(" ", rest));
        }
        return switch (which) {
            case "media" -> BenchCommand.media(shared, json, work, out);
            case "feed" -> BenchCommand.feed(shared, requests, json, out);
            case "studio" -> BenchCommand.studio(events, json, work, out);
            case "serve" -> BenchCommand.serve(seconds, videos, users, events, feedSeconds, json, work, out);
            default -> BenchCommand.understand(shared, PandoConfig.from(Settings.defaults().withEnvironment(System.getenv()))
                    .understanding(), json, work, out);
        };
    }

    /** {@code pando bench gen}: by default a million videos and viewers and fifty million events. */
    private static int gen(List<String> rest, PrintStream out) {
        String dataDir = flag(rest, "--data-dir");
        if (dataDir == null) {
            throw new ConfigurationError("Say where: pando bench gen --data-dir DIR [--videos N] [--users N] [--creators N] [--events N]");
        }
        int videos = Integer.parseInt(orElse(flag(rest, "--videos"), "1000000"));
        int users = Integer.parseInt(orElse(flag(rest, "--users"), "1000000"));
        int creators = Integer.parseInt(orElse(flag(rest, "--creators"), String.valueOf(Math.max(1, videos / 20))));
        long events = Long.parseLong(orElse(flag(rest, "--events"), "50000000"));
        if (!rest.isEmpty()) {
            throw new ConfigurationError("Unknown arguments: " + String.join(" ", rest));
        }
        return BenchCommand.gen(Path.of(dataDir), videos, users, creators, events, out);
    }

    private static int analyze(String[] args, PrintStream out) {
        List<String> rest = new ArrayList<>(List.of(args));
        Optional<Path> json = Optional.ofNullable(flag(rest, "--json")).map(Path::of);
        VideoText text = new VideoText(orElse(flag(rest, "--title"), ""), orElse(flag(rest, "--description"), ""), Set.of());
        Optional<Path> poster = Optional.ofNullable(flag(rest, "--poster")).map(Path::of);
        PandoConfig config = PandoConfig.from(settings(withoutFile(rest)));
        if (rest.isEmpty() || rest.getFirst().startsWith("--")) {
            throw new ConfigurationError(
                    "Say which file: pando analyze FILE [--json OUT] [--title TEXT] [--description TEXT] [--poster IMAGE]");
        }
        return AnalyzeCommand.run(config, new AnalyzeCommand.Input(Path.of(rest.getFirst()), text, poster), json, out);
    }

    private static int role(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[0].startsWith("--") || args[1].startsWith("--")) {
            throw new ConfigurationError("Say whose role and which: pando role USERNAME member|moderator|admin");
        }
        PandoConfig config = PandoConfig.from(settings(Arrays.copyOfRange(args, 2, args.length)));
        return RoleCommand.run(config, args[0], args[1], out, err);
    }

    /** The arguments after the first (the file), for the settings flags. */
    private static String[] withoutFile(List<String> rest) {
        return rest.isEmpty() ? new String[0] : rest.subList(1, rest.size()).toArray(String[]::new);
    }

    private static int eval(String[] args, PrintStream out) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.remove("--replay")) {
            Optional<Path> json = Optional.ofNullable(flag(rest, "--json")).map(Path::of);
            return ReplayCommand.run(PandoConfig.from(settings(rest.toArray(String[]::new))), json, out);
        }
        String dataset = flag(rest, "--dataset");
        if (dataset == null) {
            throw new ConfigurationError("Say which dataset: pando eval --dataset gowalla|kuairec");
        }
        Path shared = Path.of(orElse(flag(rest, "--shared"), System.getenv().getOrDefault("PANDO_SHARED", "../shared")));
        Split split = Split.of(orElse(flag(rest, "--split"), "test"));
        String suffix = split == Split.TEST ? "" : "-" + split.label();
        Path json = Path.of(orElse(flag(rest, "--json"), "bench/results/eval-" + dataset + suffix + ".json"));
        String models = flag(rest, "--models");
        if (!rest.isEmpty()) {
            throw new ConfigurationError("Unknown arguments: " + String.join(" ", rest));
        }
        return EvalCommand.run(dataset, shared, json, models == null ? List.of() : List.of(models.split(",")), split, out);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Defaults, then {@code --config} or {@code PANDO_CONFIG}, then the environment, then flags. */
    static Settings settings(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        Settings settings = Settings.defaults();
        String configFile = flag(rest, "--config");
        if (configFile == null) {
            configFile = System.getenv("PANDO_CONFIG");
        }
        if (configFile != null) {
            settings = settings.withFile(Path.of(configFile));
        }
        settings = settings.withEnvironment(System.getenv());
        String port = flag(rest, "--port");
        if (port != null) {
            settings = settings.with("server.port", port);
        }
        String host = flag(rest, "--host");
        if (host != null) {
            settings = settings.with("server.host", host);
        }
        String dataDir = flag(rest, "--data-dir");
        if (dataDir != null) {
            settings = settings.with("data-dir", dataDir);
        }
        String set;
        while ((set = flag(rest, "--set")) != null) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationError("--set takes key=value, not '" + set + "'.");
            }
            settings = settings.with(set.substring(0, eq), set.substring(eq + 1));
        }
        if (!rest.isEmpty()) {
            throw new ConfigurationError("Unknown arguments: " + String.join(" ", rest) + "\n" + USAGE);
        }
        return settings;
    }

    /** Removes {@code --name value} (or {@code --name=value}) from the list and returns the value. */
    private static String flag(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(name)) {
                if (i + 1 >= args.size()) {
                    throw new ConfigurationError(name + " needs a value.");
                }
                String value = args.get(i + 1);
                args.remove(i + 1);
                args.remove(i);
                return value;
            }
            if (arg.startsWith(name + "=")) {
                args.remove(i);
                return arg.substring(name.length() + 1);
            }
        }
        return null;
    }
}
