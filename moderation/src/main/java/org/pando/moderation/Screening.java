package org.pando.moderation;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;
import org.pando.catalog.Publication;
import org.pando.catalog.Video;
import org.pando.catalog.VideoService;
import org.pando.understanding.Step;
import org.pando.understanding.StepState;
import org.pando.understanding.VideoAnalysis;
import org.pando.understanding.VideoUnderstanding;

/**
 * Publishes a video once its analysis has looked at its pictures and poster, or holds it for review when the
 * {@link HoldRule} says so. A video whose analysis gives up before looking is held too, so that a person looks
 * instead.
 *
 * <pre>{@code
 * understanding.analyse(videoId, original, Optional.of(poster), work, pictures);
 * screening.screen(videoId);
 * }</pre>
 */
public final class Screening {
    private static final System.Logger LOG = System.getLogger(Screening.class.getName());

    private final HoldRule rule;
    private final VideoService videos;
    private final VideoUnderstanding understanding;
    private final ModerationRepository cases;
    private final Consumer<String> publicationChanged;
    private final Clock clock;

    /** {@code publicationChanged} is told each video that becomes public or stops being so, for the feeds and search. */
    public Screening(HoldRule rule, VideoService videos, VideoUnderstanding understanding, ModerationRepository cases,
            Consumer<String> publicationChanged, Clock clock) {
        this.rule = rule;
        this.videos = videos;
        this.understanding = understanding;
        this.cases = cases;
        this.publicationChanged = publicationChanged;
        this.clock = clock;
    }

    /**
     * Publishes or holds the video when its pictures have been looked at, or at once for an audio clip, which has
     * none (the step was skipped); until then (the step is waiting, running or failed and will be retried) nothing
     * changes. A moderator's decision is never undone here.
     */
    public void screen(String videoId) {
        Optional<Video> found = videos.find(videoId).filter(v -> v.publication().screenable());
        if (found.isEmpty()) {
            return;
        }
        Optional<VideoAnalysis> analysis = understanding.analysis(videoId);
        StepState frames = analysis.map(a -> a.steps().getOrDefault(Step.FRAMES, StepState.WAITING)).orElse(StepState.WAITING);
        if (frames.status() != StepState.Status.DONE && frames.status() != StepState.Status.SKIPPED) {
            return;
        }
        Optional<FlaggedFrame> flagged = analysis.flatMap(VideoAnalysis::visual).flatMap(rule::flaggedFrame);
        if (flagged.isPresent()) {
            hold(found.get(), Hold.of(flagged.get()));
        } else if (found.get().publication() == Publication.CHECKING) {
            videos.publication(videoId, Publication.PUBLISHED);
            publicationChanged.accept(videoId);
        }
    }

    /** The analysis gave up: a video still waiting for the check is held for a person to look at. */
    public void notChecked(String videoId) {
        videos.find(videoId).filter(v -> v.publication() == Publication.CHECKING)
                .ifPresent(video -> hold(video, Hold.notChecked()));
    }

    private void hold(Video video, Hold hold) {
        ReviewCase review = cases.openCase(Target.video(video.id()), video.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        cases.hold(review.id(), hold);
        videos.publication(video.id(), Publication.HELD);
        LOG.log(System.Logger.Level.INFO, "Video " + video.id() + " is held for review: " + hold);
        if (video.publication().isPublic()) {
            publicationChanged.accept(video.id());
        }
    }
}
