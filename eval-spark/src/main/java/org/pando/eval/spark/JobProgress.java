package org.pando.eval.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.pando.learn.Progress;

/** Reports finished Spark jobs against the number a fit is expected to run, as a progress fraction. */
final class JobProgress extends SparkListener {
    private final Progress progress;
    private final String stage;
    private final int expectedJobs;
    private final AtomicInteger finished = new AtomicInteger();

    JobProgress(Progress progress, String stage, int expectedJobs) {
        this.progress = progress;
        this.stage = stage;
        this.expectedJobs = expectedJobs;
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd jobEnd) {
        progress.report(stage, Math.min(0.99, (double) finished.incrementAndGet() / expectedJobs));
    }
}
