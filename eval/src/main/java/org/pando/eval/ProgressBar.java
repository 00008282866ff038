package org.pando.eval;

import java.io.PrintStream;
import java.util.Locale;
import org.pando.learn.Progress;

/** A one-line text progress bar on a terminal, redrawn in place, with the seconds the current stage has taken. */
public final class ProgressBar implements Progress {
    private static final int WIDTH = 30;

    private final String label;
    private final PrintStream out;
    private String stage = "";
    private int lastPercent = -1;
    private long stageStarted;

    public ProgressBar(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    @Override
    public synchronized void report(String newStage, double fraction) {
        int percent = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
        if (newStage.equals(stage) && percent == lastPercent) {
            return;
        }
        if (!newStage.equals(stage)) {
            if (!stage.isEmpty()) {
                out.println();
            }
            stageStarted = System.nanoTime();
        }
        stage = newStage;
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf(Locale.ROOT, "\r%-10s %-34s [%s%s] %3d%% %6.1f s", label, stage, "#".repeat(filled), ".".repeat(WIDTH - filled),
                percent, (System.nanoTime() - stageStarted) / 1e9);
        out.flush();
    }

    /** Ends the current bar's line. */
    public synchronized void done() {
        if (!stage.isEmpty()) {
            report(stage, 1);
            out.println();
            stage = "";
            lastPercent = -1;
        }
    }
}
