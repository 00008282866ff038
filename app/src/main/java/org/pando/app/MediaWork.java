package org.pando.app;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.pando.catalog.TagService;
import org.pando.catalog.VideoService;
import org.pando.jobs.JobQueue;
import org.pando.jobs.JobWorker;
import org.pando.media.VideoProcessor;
import org.pando.moderation.HoldRule;
import org.pando.moderation.Screening;
import org.pando.pipeline.MediaLayout;
import org.pando.pipeline.TranscodeJob;
import org.pando.pipeline.UnderstandJob;
import org.pando.store.Database;
import org.pando.store.JdbiAnalysisStore;
import org.pando.store.JdbiJobRepository;
import org.pando.store.JdbiModerationRepository;
import org.pando.understanding.FileAnalyzer;
import org.pando.understanding.TagVocabulary;
import org.pando.understanding.VideoUnderstanding;

/**
 * The media side that {@code pando serve} and {@code pando worker} both run: ffmpeg, the analysis, the screening, and
 * the job worker that takes {@code transcode} and {@code understand} jobs from the database's queue.
 *
 * @param processor     ffmpeg's ladder, poster and storyboard
 * @param analyzer      the models that look at and listen to media
 * @param understanding the analysis of a video, stored
 * @param holdRule      when a picture is held for review
 * @param cases         the moderation's cases
 * @param screening     publishes a video or holds it once its analysis ends
 * @param jobs          the queue
 * @param worker        takes jobs from the queue, {@code jobs.workers} at a time (none when that is 0)
 */
record MediaWork(VideoProcessor processor, FileAnalyzer analyzer, VideoUnderstanding understanding, HoldRule holdRule,
        JdbiModerationRepository cases, Screening screening, JobQueue jobs, JobWorker worker) {
    /** Most of the instance's own tags that suggestions are chosen from, the most used ones. */
    private static final int MAX_VOCABULARY = 2000;

    /**
     * The media side over one database and blob store; its lifecycle components are recorded in {@code components}.
     *
     * @param videoChanged told each video whose publication or analysis changed
     */
    static MediaWork build(PandoConfig config, Database database, VideoService videos, TagService tags, MediaLayout layout,
            Consumer<String> videoChanged, Clock clock, Components components) {
        var jdbi = database.jdbi();
        VideoProcessor processor = components.started(new VideoProcessor(config.media()));
        FileAnalyzer analyzer = components.started(new FileAnalyzer(config.media(), config.understanding(),
                TagVocabulary.withStarter(() -> tags.vocabulary(MAX_VOCABULARY))));
        VideoUnderstanding understanding = new VideoUnderstanding(analyzer, new JdbiAnalysisStore(jdbi), videoChanged);
        JdbiModerationRepository cases = new JdbiModerationRepository(jdbi);
        HoldRule holdRule = new HoldRule(config.moderation());
        Screening screening = new Screening(holdRule, videos, understanding, cases, videoChanged, clock);
        JdbiJobRepository jobRepository = new JdbiJobRepository(jdbi);
        JobQueue jobs = new JobQueue(jobRepository, clock);
        Consumer<String> ready = videoId -> UnderstandJob.queue(understanding, jobs, videoId);
        JobWorker worker = new JobWorker(jobRepository, List.of(new TranscodeJob(processor, videos, layout, ready),
                new UnderstandJob(understanding, screening, layout, videoChanged)), config.jobs(), clock);
        return new MediaWork(processor, analyzer, understanding, holdRule, cases, screening, jobs, worker);
    }

    /** Starts taking jobs; the worker is recorded in {@code components} to be stopped. */
    void start(Components components) {
        worker.start();
        components.started(worker);
    }
}
