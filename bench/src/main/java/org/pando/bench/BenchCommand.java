package org.pando.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import org.pando.understanding.UnderstandingConfig;

/**
 * Runs a named benchmark; the command line is parsed by the caller.
 *
 * <pre>{@code
 * BenchCommand.media(Path.of("../shared"), Path.of("bench/results/media.json"), Path.of("/tmp"), System.out);
 * }</pre>
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    /**
     * {@code pando bench media}: the clips under {@code shared/media} and a generated 1080p clip, three ways.
     *
     * @param shared the folder holding {@code media/}
     * @param json   where the results go
     * @param work   scratch space, emptied before and after
     * @param out    where the table is printed
     * @return the exit status
     */
    public static int media(Path shared, Path json, Path work, PrintStream out) {
        return new MediaBench(shared, work.resolve("pando-bench-media"), out).run(json);
    }

    /**
     * {@code pando bench feed}: the online engine loaded with Gowalla's training views, For You's first page timed.
     *
     * @param shared   the folder holding {@code datasets/gowalla}
     * @param requests how many timed requests
     * @param json     where the results go
     * @param out      where the summary is printed
     * @return 0 when the p99 target is met, 1 otherwise
     */
    public static int feed(Path shared, int requests, Path json, PrintStream out) {
        return new FeedBench(shared, requests, out).run(json);
    }

    /**
     * {@code pando bench understand}: the analysis of a 720p clip with speech, step by step, against decoding it.
     *
     * @param shared the folder holding {@code media/}
     * @param config where the models are
     * @param json   where the results go
     * @param work   scratch space, emptied before and after
     * @param out    where the tables are printed
     * @return 0 when the analysis runs within half the media's duration, 1 otherwise
     */
    public static int understand(Path shared, UnderstandingConfig config, Path json, Path work, PrintStream out) {
        return new UnderstandBench(shared, work.resolve("pando-bench-understand"), config, out).run(json);
    }

    /**
     * {@code pando bench studio}: a channel's studio page with {@code events} events, pre-aggregated, against the
     * same numbers computed from the event log.
     *
     * @param events the channel's events (a tenth as many of other channels are added)
     * @param json   where the results go
     * @param work   scratch space for the database, emptied before and after
     * @param out    where the summary is printed
     * @return 0 when the page is read within a second at p99 and counts the views the log holds, 1 otherwise
     */
    public static int studio(int events, Path json, Path work, PrintStream out) {
        return new StudioBench(work.resolve("pando-bench-studio"), events, out).run(json);
    }

    /**
     * {@code pando bench serve}: events posted over HTTP to {@code pando serve} against a local Kafka broker,
     * {@code kill -9} rounds that count acknowledged events lost, then For You under wrk on a synthetic instance.
     *
     * @param seconds     the timed window of each ingest side
     * @param videos      videos of the feed's synthetic instance
     * @param users       its viewers
     * @param events      its events
     * @param feedSeconds the feed load run's length
     * @param json        where the results go
     * @param work        scratch space, emptied before
     * @param out         where the table is printed
     * @return 0 when every target is met, 1 otherwise
     */
    public static int serve(int seconds, int videos, int users, long events, int feedSeconds, Path json, Path work,
            PrintStream out) {
        SyntheticInstance.Shape shape = new SyntheticInstance.Shape(videos, users, Math.max(1, videos / 20), events, 42);
        return new ServeBench(work.resolve("pando-bench-serve"), seconds, shape, feedSeconds, out).run(json);
    }

    /**
     * {@code pando bench gen}: a synthetic instance written into an empty data directory, for load runs.
     *
     * @param dataDir  the data directory, which must not hold an instance
     * @param videos   videos
     * @param users    viewers with an account
     * @param creators creators, each with one channel
     * @param events   events of a week of watching
     * @param out      where progress is printed
     * @return 0
     */
    public static int gen(Path dataDir, int videos, int users, int creators, long events, PrintStream out) {
        return GenCommand.run(dataDir, new SyntheticInstance.Shape(videos, users, creators, events, 42), out);
    }
}
