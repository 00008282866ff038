/**
 * From a finished upload to a published video, and from an uploaded picture to a channel's avatar or banner.
 *
 * <p>{@link org.pando.pipeline.VideoIntake} receives the upload's file, creates the video in the catalog
 * and enqueues a durable {@code transcode} job; {@link org.pando.pipeline.TranscodeJob} runs the media
 * processor and reports its progress, the moment it becomes playable, and its end (ready, or failed with
 * the reason) back to the catalog. Once a video is ready, {@link org.pando.pipeline.UnderstandJob} analyses
 * its original (speech and captions, scene cuts, Video Slide pages, what the pictures show) while its creator
 * can already play it, and then the moderation's screening publishes it or holds it for review.
 * {@link org.pando.pipeline.ChannelArtwork} fits a channel's picture, has it looked at and keeps it or refuses it at
 * once. Files are kept in a {@link org.pando.blobs.BlobStore} under the keys a {@link org.pando.pipeline.MediaLayout}
 * names, and worked on in local folders; with a store that is not a local folder, a video becomes playable once its
 * whole ladder is kept.
 */
package org.pando.pipeline;
