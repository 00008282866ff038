package org.pando.moderation;

/**
 * A video or a comment, as something to review.
 *
 * @param kind video or comment
 * @param id   the video's or the comment's id
 */
public record Target(TargetKind kind, String id) {

    public static Target video(String videoId) {
        return new Target(TargetKind.VIDEO, videoId);
    }

    public static Target comment(String commentId) {
        return new Target(TargetKind.COMMENT, commentId);
    }
}
