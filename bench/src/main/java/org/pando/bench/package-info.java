/**
 * Benchmarks behind {@code pando bench}: Pando measured side by side with its anchors in one run, reported
 * as ratios, written as JSON for {@code bench/results/}.
 *
 * <p>{@code pando bench media} times Pando's single-pass ladder against (a) one hand-written ffmpeg run
 * writing the same ladder, poster and storyboard, and (b) one ffmpeg process per rung plus one each for
 * the poster and storyboard, the way PeerTube transcodes. CPU time is that of the child processes (from
 * {@code /proc/self/stat}) plus, for Pando, the JVM's own.
 */
package org.pando.bench;
