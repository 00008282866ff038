package org.pando.media;

import java.nio.file.Path;

/**
 * A finished ladder.
 *
 * @param probe     what the source was
 * @param plan      what was written
 * @param directory where: the master playlist, renditions, poster and storyboard
 */
public record ProcessedVideo(ProbeResult probe, LadderPlan plan, Path directory) {
}
