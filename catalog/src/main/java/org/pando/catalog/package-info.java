/**
 * The catalog: channels, the videos published in them, and what people do around a video (likes,
 * comments, follows).
 *
 * <p>{@link org.pando.catalog.Registration} makes an account together with its default channel;
 * {@link org.pando.catalog.ChannelService} and {@link org.pando.catalog.VideoService} are the operations
 * the web module calls; {@link org.pando.catalog.SocialService} holds likes, follows and comments. A video
 * enters as {@link org.pando.catalog.VideoStatus#PROCESSING} when its upload finishes, becomes playable
 * while its ladder is still being written, and ends {@code READY} or {@code FAILED} with a message for the
 * uploader. Its {@link org.pando.catalog.VideoKind} says whether it is a video or an audio clip, known once the
 * upload is probed. Apart from that, its {@link org.pando.catalog.Publication} says who may see it: it starts
 * {@code CHECKING}, and the moderation publishes it, holds it for review, approves or rejects it. A video is
 * {@link org.pando.catalog.Video#published() published} (in every listing and feed) when it is ready and
 * published or approved; {@link org.pando.catalog.VideoService#visibleTo} lets its creator and moderators see
 * it before. Persistence is behind the {@code *Repository} interfaces.
 */
package org.pando.catalog;
