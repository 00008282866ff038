/**
 * Where media files are kept: originals, HLS renditions, posters and channel pictures, each under a key such as
 * {@code media/<video>/master.m3u8}. A {@link org.pando.blobs.BlobStore} is a folder on local disk by default
 * ({@link org.pando.blobs.DiskBlobStore}) or a bucket of an S3-compatible object store
 * ({@link org.pando.blobs.S3BlobStore}, signed with AWS Signature Version 4), which several Pando processes can share.
 * Work on media happens in local folders; the store takes the finished files and serves them back, in byte ranges
 * for seeking.
 */
package org.pando.blobs;
