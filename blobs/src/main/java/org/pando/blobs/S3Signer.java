package org.pando.blobs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs S3 requests with AWS Signature Version 4, in the {@code Authorization} header or in the query of a presigned
 * address: a canonical request (method, path, sorted query, the signed headers, the payload's SHA-256), hashed into a
 * string to sign, signed with a key derived from the secret for the day, the region and the service.
 */
final class S3Signer {
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final String accessKey;
    private final String secretKey;
    private final String region;

    S3Signer(String accessKey, String secretKey, String region) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /**
     * The headers to send with a request: {@code x-amz-date}, {@code x-amz-content-sha256} and {@code Authorization}.
     *
     * @param uri         the request's address, its path and query already encoded as {@link #encode} does
     * @param payloadHash the body's SHA-256 in lower-case hex
     */
    Map<String, String> headers(String method, URI uri, String payloadHash, Instant at) {
        String stamp = STAMP.format(at);
        Map<String, String> signed = new TreeMap<>();
        signed.put("host", host(uri));
        signed.put("x-amz-content-sha256", payloadHash);
        signed.put("x-amz-date", stamp);
        String signature = signature(method, uri, signed, payloadHash, stamp);
        return Map.of("x-amz-date", stamp, "x-amz-content-sha256", payloadHash, "Authorization",
                ALGORITHM + " Credential=" + accessKey + "/" + scope(stamp) + ", SignedHeaders=" + String.join(";", signed.keySet())
                        + ", Signature=" + signature);
    }

    /**
     * A presigned address: {@code uri} with the signature in its query, so that anyone holding it may {@code method}
     * the object until {@code expires} after {@code at}, without credentials of their own.
     *
     * @param uri an object's address without a query, its path encoded as {@link #encode} does
     */
    URI presigned(String method, URI uri, Instant at, Duration expires) {
        String stamp = STAMP.format(at);
        String query = "X-Amz-Algorithm=" + ALGORITHM
                + "&X-Amz-Credential=" + encode(accessKey + "/" + scope(stamp), false)
                + "&X-Amz-Date=" + stamp
                + "&X-Amz-Expires=" + expires.toSeconds()
                + "&X-Amz-SignedHeaders=host";
        URI unsigned = URI.create(uri + "?" + query);
        String signature = signature(method, unsigned, new TreeMap<>(Map.of("host", host(uri))), UNSIGNED_PAYLOAD, stamp);
        return URI.create(unsigned + "&X-Amz-Signature=" + signature);
    }

    /** The signature of a canonical request: method, path, sorted query, the signed headers, the payload's hash. */
    private String signature(String method, URI uri, Map<String, String> signed, String payloadHash, String stamp) {
        String canonical = method + "\n"
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()) + "\n"
                + canonicalQuery(uri.getRawQuery()) + "\n"
                + signed.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().trim() + "\n").collect(Collectors.joining())
                + "\n" + String.join(";", signed.keySet()) + "\n" + payloadHash;
        String toSign = ALGORITHM + "\n" + stamp + "\n" + scope(stamp) + "\n" + sha256(canonical.getBytes(StandardCharsets.UTF_8));
        String day = stamp.substring(0, 8);
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return HEX.formatHex(hmac(key, toSign));
    }

    private String scope(String stamp) {
        return stamp.substring(0, 8) + "/" + region + "/s3/aws4_request";
    }

    private static String host(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The SHA-256 of some bytes, in lower-case hex. */
    static String sha256(byte[] bytes) {
        return HEX.formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Percent-encodes as SigV4 wants: every byte but {@code A-Z a-z 0-9 - _ . ~} (and {@code /} when
     * {@code keepSlash}) as {@code %XX} in upper case.
     */
    static String encode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
                    || c == '~' || keepSlash && c == '/') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The query's parameters sorted by name, then value; each a {@code name=value} pair already encoded. */
    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&")).map(p -> p.contains("=") ? p : p + "=")
                .sorted(Comparator.comparing((String p) -> p.substring(0, p.indexOf('='))).thenComparing(p -> p.substring(p.indexOf('=') + 1)))
                .collect(Collectors.joining("&"));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
