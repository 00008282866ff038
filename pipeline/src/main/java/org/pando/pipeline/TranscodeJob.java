package org.pando.pipeline;

import java.util.function.Consumer;
import org.pando.catalog.VideoKind;
import org.pando.catalog.VideoService;
import org.pando.jobs.Job;
import org.pando.jobs.JobContext;
import org.pando.jobs.JobHandler;
import org.pando.jobs.PermanentFailure;
import org.pando.media.MediaRejected;
import org.pando.media.ProbeResult;
import org.pando.media.ProcessingListener;
import org.pando.media.VideoProcessor;
import org.pando.media.VideoTrack;

/**
 * Processes one uploaded original into its HLS ladder (or, for sound without a picture, an audio clip) and keeps
 * the catalog told: probed facts (its kind among them), progress
 * (at most every percent), playable, then ready or failed.
 */
public final class TranscodeJob implements JobHandler {
    /** The job kind. */
    public static final String KIND = "transcode";

    private final VideoProcessor processor;
    private final VideoService videos;
    private final MediaLayout layout;
    private final Consumer<String> ready;

    /**
     * {@code ready} is told each video that becomes ready, so that its analysis is queued (the analysis's screening
     * then publishes it or holds it for review).
     */
    public TranscodeJob(VideoProcessor processor, VideoService videos, MediaLayout layout, Consumer<String> ready) {
        this.processor = processor;
        this.videos = videos;
        this.layout = layout;
        this.ready = ready;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job, JobContext context) {
        String videoId = job.subject();
        if (job.attempts() > 1) {
            videos.restarted(videoId);
        }
        try {
            processor.process(layout.original(videoId), layout.renditions(videoId), layout.work(videoId),
                    new CatalogReport(videos, videoId));
        } catch (MediaRejected e) {
            throw new PermanentFailure(e.getMessage(), e);
        }
        videos.ready(videoId);
        ready.accept(videoId);
    }

    @Override
    public void giveUp(Job job, String reason) {
        videos.failed(job.subject(), reason);
    }

    /** Passes processing news to the catalog, throttled to whole percents. */
    private static final class CatalogReport implements ProcessingListener {
        private final VideoService videos;
        private final String videoId;
        private int lastPercent = -1;

        CatalogReport(VideoService videos, String videoId) {
            this.videos = videos;
            this.videoId = videoId;
        }

        @Override
        public void probed(ProbeResult probe) {
            VideoKind kind = probe.audioOnly() ? VideoKind.AUDIO : VideoKind.VIDEO;
            videos.probed(videoId, kind, probe.durationMs(), probe.video().map(VideoTrack::displayWidth).orElse(0),
                    probe.video().map(VideoTrack::displayHeight).orElse(0));
        }

        @Override
        public void progress(double fraction) {
            int percent = (int) Math.floor(fraction * 100);
            if (percent > lastPercent) {
                lastPercent = percent;
                videos.progress(videoId, fraction);
            }
        }

        @Override
        public void playable() {
            videos.playable(videoId);
        }
    }
}
