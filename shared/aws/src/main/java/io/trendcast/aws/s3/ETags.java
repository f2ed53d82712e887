package io.trendcast.aws.s3;

/** S3 entity tags as the ports carry them: without the quotes S3 puts around them in headers and listings. */
public final class ETags {

    private ETags() {
    }

    /** {@code etag} without surrounding double quotes; {@code null} stays {@code null}. */
    public static String unquote(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }
}
