package org.pando.blobs;

import java.net.URI;

/**
 * Where an S3-compatible object store is ({@code blobs.s3.*}), addressed path-style
 * ({@code <endpoint>/<bucket>/<key>}), as MinIO, Ceph, Garage, s3proxy and AWS itself all accept.
 *
 * @param endpoint  its base address, such as {@code http://127.0.0.1:9000}
 * @param bucket    the bucket Pando keeps everything in; made at the first start when missing
 * @param region    the region requests are signed for ({@code us-east-1} when the store has none)
 * @param accessKey the access key id
 * @param secretKey the secret key
 * @param presignDownloads whether viewers fetch media straight from the store, sent there with presigned addresses
 *                  (the endpoint must then be reachable by them, with CORS allowing the site); otherwise Pando reads the
 *                  store and passes the bytes on
 */
public record S3Config(URI endpoint, String bucket, String region, String accessKey, String secretKey, boolean presignDownloads) {

    @Override
    public String toString() {
        return "S3Config[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey=" + accessKey
                + ", presignDownloads=" + presignDownloads + "]";
    }
}
