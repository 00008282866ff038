package org.pando.bench;

import java.io.PrintStream;
import java.nio.file.Path;

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
}
