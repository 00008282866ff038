/**
 * Moderation: what keeps a video from everyone until a person has looked, and the people who look.
 *
 * <p>{@link org.pando.moderation.Screening} runs when a video's analysis ends: it publishes the video, or holds it
 * for review when the {@link org.pando.moderation.HoldRule} finds a frame whose NSFW score is above its threshold
 * (a lower one for frames that show a person). {@link org.pando.moderation.Reports} lets people report a video or a
 * comment for a fixed {@link org.pando.moderation.ReportReason}, once per target while it is under review.
 * Holds and reports of one target gather in one open {@link org.pando.moderation.ReviewCase};
 * {@link org.pando.moderation.ReviewQueue} lists the open cases to moderators, oldest first, and records their
 * {@link org.pando.moderation.Decision}, which publishes or hides a video and keeps or removes a comment. Whether
 * a video is public is the catalog's {@link org.pando.catalog.Publication}; this package decides it. Persistence
 * is behind {@link org.pando.moderation.ModerationRepository}; no SQL and no HTTP here.
 */
package org.pando.moderation;
