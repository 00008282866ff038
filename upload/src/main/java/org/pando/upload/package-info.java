/**
 * Resumable uploads: the state behind the tus 1.0 protocol (creation, offsets, appends, termination,
 * expiry), without HTTP.
 *
 * <p>{@link org.pando.upload.UploadService} keeps each upload's bytes in a file of its own whose size is the
 * upload's offset, so a dropped connection or a crashed server loses nothing that was acknowledged. Bytes
 * are forced to disk before an append returns. When the last byte arrives the file is handed to an
 * {@link org.pando.upload.UploadDestination}, which turns it into a video. Names and sizes are checked
 * before a byte is accepted.
 */
package org.pando.upload;
