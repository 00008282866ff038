package org.pando.media;

/**
 * One AAC rendition of an audio clip.
 *
 * @param name directory and variant name, such as {@code audio-128k}
 * @param kbps AAC bitrate
 */
public record AudioRendition(String name, int kbps) {
}
