package org.pando.pipeline;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.pando.blobs.BlobStore;
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
        BlobStore blobs = layout.blobs();
        Path work = layout.work(videoId);
        String renditions = MediaLayout.renditions(videoId);
        try (LocalCopy original = LocalCopy.of(blobs, MediaLayout.original(videoId), work.resolve("original"))) {
            Path source = original.file().orElseThrow(() -> new PermanentFailure("The uploaded file is missing; upload it again."));
            Path ladder = blobs.writable(renditions, work.resolve("renditions"));
            processor.process(source, ladder, work, new CatalogReport(videos, videoId, blobs.keepsWhileWriting()));
            blobs.putTree(renditions, ladder);
        } catch (MediaRejected e) {
            throw new PermanentFailure(e.getMessage(), e);
        }
        if (!blobs.keepsWhileWriting()) {
            videos.playable(videoId);
        }
        videos.ready(videoId);
        ready.accept(videoId);
    }

    @Override
    public void giveUp(Job job, String reason) {
        videos.failed(job.subject(), reason);
    }

    /**
     * Passes processing news to the catalog, throttled to whole percents. A video becomes playable while it is
     * processed only when its files are served as they are written; otherwise once they are all kept.
     */
    private static final class CatalogReport implements ProcessingListener {
        private final VideoService videos;
        private final String videoId;
        private final boolean servedWhileWritten;
        private int lastPercent = -1;

        CatalogReport(VideoService videos, String videoId, boolean servedWhileWritten) {
            this.videos = videos;
            this.videoId = videoId;
            this.servedWhileWritten = servedWhileWritten;
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
            if (servedWhileWritten) {
                videos.playable(videoId);
            }
        }
    }
}
