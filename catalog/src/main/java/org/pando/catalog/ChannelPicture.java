package org.pando.catalog;

/**
 * The pictures of a channel's page, each kept at one shape: whatever is uploaded is scaled to cover it and
 * cropped to its centre.
 */
public enum ChannelPicture {
    /** The square picture shown beside the channel's name. */
    AVATAR("avatar", 400, 400),
    /** The wide picture across the top of the channel's page. */
    BANNER("banner", 2048, 512);

    private final String wireName;
    private final int width;
    private final int height;

    ChannelPicture(String wireName, int width, int height) {
        this.wireName = wireName;
        this.width = width;
        this.height = height;
    }

    /** Its name in URLs and JSON. */
    public String wireName() {
        return wireName;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
