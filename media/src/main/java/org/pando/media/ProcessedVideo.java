package org.pando.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A finished ladder.
 *
 * @param probe     what the source was
 * @param plan      what was written
 * @param directory where: the master playlist, renditions, poster and storyboard
 * @param loudness  the source audio's loudness as measured before normalising it; empty without audio
 */
public record ProcessedVideo(ProbeResult probe, LadderPlan plan, Path directory, Optional<Loudness> loudness) {
}
