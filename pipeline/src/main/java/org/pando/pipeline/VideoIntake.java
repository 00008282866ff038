package org.pando.pipeline;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.pando.account.Account;
import org.pando.account.AccountService;
import org.pando.catalog.NewVideo;
import org.pando.catalog.Video;
import org.pando.catalog.VideoService;
import org.pando.jobs.JobQueue;
import org.pando.upload.Upload;
import org.pando.upload.UploadDestination;
import org.pando.upload.UploadMetadata;

/**
 * Where finished uploads go: the catalog gets a video in processing, the original is kept, and a transcode
 * job is queued. While more than {@code maxWaiting} uploads wait to be transcoded, new uploads are refused before a
 * byte is sent ({@link ProcessingBehind}); an upload already under way is always received.
 */
public final class VideoIntake implements UploadDestination {
    private final AccountService accounts;
    private final VideoService videos;
    private final JobQueue jobs;
    private final MediaLayout layout;
    private final Runnable jobEnqueued;
    private final int maxWaiting;

    public VideoIntake(AccountService accounts, VideoService videos, JobQueue jobs, MediaLayout layout, Runnable jobEnqueued,
            int maxWaiting) {
        this.accounts = accounts;
        this.videos = videos;
        this.jobs = jobs;
        this.layout = layout;
        this.jobEnqueued = jobEnqueued;
        this.maxWaiting = maxWaiting;
    }

    /**
     * @throws ProcessingBehind when more than {@code maxWaiting} uploads wait to be transcoded
     */
    @Override
    public void check(String accountId, UploadMetadata metadata) {
        long waiting = jobs.waiting(TranscodeJob.KIND);
        if (waiting >= maxWaiting) {
            throw new ProcessingBehind(waiting);
        }
        videos.check(accounts.account(accountId), newVideo(metadata));
    }

    @Override
    public String receive(Upload upload, Path file) {
        Account uploader = accounts.account(upload.accountId());
        Video video = videos.create(uploader, newVideo(upload.metadata()));
        try {
            layout.blobs().put(MediaLayout.original(video.id()), file);
        } catch (UncheckedIOException e) {
            videos.failed(video.id(), "The upload could not be stored; try again.");
            throw e;
        }
        jobs.enqueue(TranscodeJob.KIND, video.id());
        jobEnqueued.run();
        return video.id();
    }

    private static NewVideo newVideo(UploadMetadata metadata) {
        return new NewVideo(metadata.channel(), metadata.title(), metadata.description());
    }
}
