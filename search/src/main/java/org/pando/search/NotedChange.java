package org.pando.search;

/**
 * A video noted as changed by some process sharing the source.
 *
 * @param position where the note is in the order of notes
 * @param videoId  the video to read again
 */
public record NotedChange(long position, String videoId) {
}
