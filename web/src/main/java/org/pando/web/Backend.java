package org.pando.web;

import java.nio.file.Path;
import org.pando.blobs.BlobStore;
import java.time.Clock;
import java.util.List;
import org.pando.account.AccountService;
import org.pando.catalog.ChannelService;
import org.pando.catalog.Registration;
import org.pando.catalog.SocialService;
import org.pando.catalog.TagService;
import org.pando.catalog.VideoService;
import org.pando.events.EventLog;
import org.pando.ledger.Wallets;
import org.pando.moderation.Reports;
import org.pando.moderation.ReviewQueue;
import org.pando.pipeline.ChannelArtwork;
import org.pando.recommend.FeedPreferencesStore;
import org.pando.recommend.Recommender;
import org.pando.recommend.VisitorSignUps;
import org.pando.search.VideoSearch;
import org.pando.stats.CreatorStats;
import org.pando.stats.InstanceStats;
import org.pando.understanding.VideoUnderstanding;
import org.pando.upload.UploadService;

/**
 * The domain services the web layer calls, built by the composition root.
 *
 * @param accounts       sign-in, tokens and profiles
 * @param registration   sign-up
 * @param channels       channels, their pages and follows
 * @param artwork        channels' avatars and banners, fitted and looked at before they are shown
 * @param videos         videos and their state
 * @param social         likes and comments
 * @param tags           the tags creators give their videos
 * @param uploads        resumable uploads
 * @param understanding  what was understood of each video: analysis, captions, transcript, pages
 * @param reports        people reporting videos and comments
 * @param reviews        the moderators' review queue and their decisions
 * @param recommender    the feed
 * @param visitorSignUps carries a visitor's watching over to the account they make
 * @param search         search over published videos, told when a video's tags or captions change
 * @param preferences    each account's feed strategy and signal weights
 * @param stats          creators' statistics of their videos and channels
 * @param wallets        coins: top-ups through the test provider, tips, statements
 * @param instanceStats  the administrators' view of the whole instance
 * @param events         the durable event log
 * @param eventsAppended told after each append, so the event stream delivers at once
 * @param blobs          where media files are kept: ladders under {@code media/<video>/}, channels' pictures under
 *                       {@code pictures/channels/<channel>/}
 * @param dataDir        the local data directory, whose free space the administrators see
 * @param healthChecks   what {@code /health} reports
 * @param metrics        what {@code /metrics} reports
 * @param clock          the time
 */
public record Backend(
        AccountService accounts,
        Registration registration,
        ChannelService channels,
        ChannelArtwork artwork,
        VideoService videos,
        SocialService social,
        TagService tags,
        UploadService uploads,
        VideoUnderstanding understanding,
        Reports reports,
        ReviewQueue reviews,
        Recommender recommender,
        VisitorSignUps visitorSignUps,
        VideoSearch search,
        FeedPreferencesStore preferences,
        CreatorStats stats,
        Wallets wallets,
        InstanceStats instanceStats,
        EventLog events,
        Runnable eventsAppended,
        BlobStore blobs,
        Path dataDir,
        List<HealthCheck> healthChecks,
        Metrics metrics,
        Clock clock) {
    public Backend {
        healthChecks = List.copyOf(healthChecks);
    }
}
