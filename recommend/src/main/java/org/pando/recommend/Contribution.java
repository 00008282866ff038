package org.pando.recommend;

import java.util.Optional;

/**
 * One signal's part of a recommended video's score.
 *
 * @param signal  the signal
 * @param value   what it added to the score
 * @param because the video of the viewer's history it comes from ("similar to X you finished"), if any
 */
public record Contribution(Signal signal, double value, Optional<String> because) {
}
