package org.pando.blobs;

/**
 * One stored blob.
 *
 * @param key  its key
 * @param size its length in bytes
 */
public record BlobInfo(String key, long size) {
}
