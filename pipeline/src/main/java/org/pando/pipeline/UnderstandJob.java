package org.pando.pipeline;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.pando.blobs.BlobStore;
import org.pando.jobs.Job;
import org.pando.jobs.JobContext;
import org.pando.jobs.JobHandler;
import org.pando.jobs.JobQueue;
import org.pando.jobs.PermanentFailure;
import org.pando.moderation.Screening;
import org.pando.understanding.VideoUnderstanding;

/**
 * Analyses a ready video's original (loudness, speech and captions, scene cuts, Video Slide pages, what the
 * pictures and the poster show), then lets the {@link Screening} publish it or hold it for review. The video is
 * playable for its creator all along; a failed step is stored with its error and the job is retried like any other,
 * and giving up marks the unfinished steps failed and holds a video whose pictures were never looked at, for a
 * person to look.
 */
public final class UnderstandJob implements JobHandler {
    /** The job kind. */
    public static final String KIND = "understand";

    private final VideoUnderstanding understanding;
    private final Screening screening;
    private final MediaLayout layout;
    private final Consumer<String> understood;

    /**
     * @param understood told the id of each video whose analysis was stored, even in part (so that the
     *                   recommender reads its embeddings)
     */
    public UnderstandJob(VideoUnderstanding understanding, Screening screening, MediaLayout layout,
            Consumer<String> understood) {
        this.understanding = understanding;
        this.screening = screening;
        this.layout = layout;
        this.understood = understood;
    }

    /** Queues the analysis of a video that just became ready; its steps show as waiting at once. */
    public static void queue(VideoUnderstanding understanding, JobQueue jobs, String videoId) {
        understanding.queued(videoId);
        jobs.enqueue(KIND, videoId);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Job job, JobContext context) {
        String videoId = job.subject();
        BlobStore blobs = layout.blobs();
        Path work = layout.work(videoId).resolve("understanding");
        String pictures = MediaLayout.renditions(videoId) + "/" + VideoUnderstanding.PICTURES;
        try (LocalCopy original = LocalCopy.of(blobs, MediaLayout.original(videoId), work.resolve("original"));
                LocalCopy poster = LocalCopy.of(blobs, MediaLayout.poster(videoId), work.resolve("poster.jpg"))) {
            Path source = original.file().orElseThrow(() -> new PermanentFailure("The uploaded file is missing."));
            Path pages = blobs.writable(pictures, work.resolve(VideoUnderstanding.PICTURES));
            try {
                understanding.analyse(videoId, source, poster.file(), work, pages);
            } finally {
                blobs.putTree(pictures, pages);
            }
        } finally {
            // A failed speech step does not keep a video whose pictures were looked at from being published.
            screening.screen(videoId);
            understood.accept(videoId);
        }
    }

    @Override
    public void giveUp(Job job, String reason) {
        understanding.gaveUp(job.subject(), "The analysis stopped after repeated failures; the video plays without it.");
        screening.notChecked(job.subject());
    }
}
