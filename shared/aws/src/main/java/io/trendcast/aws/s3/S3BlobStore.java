package io.trendcast.aws.s3;

import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.StoreException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@link BlobStore} over one S3 bucket. Reads stream straight from the HTTP response; a put of unknown length
 * goes up as a multipart upload holding one part in memory at a time (see {@link MultipartPut}). SDK exceptions
 * are translated into the ports' exceptions.
 */
public final class S3BlobStore implements BlobStore {

    /** Default multipart part size: 8 MiB (S3's minimum is 5 MiB for every part but the last). */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    /** S3's limit for a single PutObject: 5 GiB. */
    static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
    /** Default keys per ListObjectsV2 page: 1000, S3's maximum. */
    public static final int DEFAULT_LIST_PAGE_SIZE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final int partSize;
    private final int listPageSize;

    /** A store over {@code bucket} with {@link #DEFAULT_PART_SIZE} and {@link #DEFAULT_LIST_PAGE_SIZE}. */
    public S3BlobStore(S3Client s3, String bucket) {
        this(s3, bucket, DEFAULT_PART_SIZE, DEFAULT_LIST_PAGE_SIZE);
    }

    /**
     * A store over {@code bucket} whose multipart uploads use parts of {@code partSize} bytes and whose listings
     * fetch {@code listPageSize} keys per request.
     *
     * @throws IllegalArgumentException when {@code partSize} is below S3's minimum of 5 MiB, or the page size is
     *                                  outside 1..1000
     */
    public S3BlobStore(S3Client s3, String bucket, int partSize, int listPageSize) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket must be set");
        }
        if (partSize < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("partSize must be at least 5 MiB (S3's minimum), got " + partSize);
        }
        if (listPageSize < 1 || listPageSize > 1000) {
            throw new IllegalArgumentException("listPageSize must be within 1..1000, got " + listPageSize);
        }
        this.bucket = bucket;
        this.partSize = partSize;
        this.listPageSize = listPageSize;
    }

    /** The bucket this store reads and writes. */
    public String bucket() {
        return bucket;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw S3Errors.translate("PutObject", bucket, key, e);
        }
    }

    @Override
    public void put(String key, InputStream in, long length, String contentType) {
        if (length == UNKNOWN_LENGTH || length > MAX_SINGLE_PUT) {
            new MultipartPut(s3, bucket, key, contentType, partSize).upload(in);
            return;
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0 or UNKNOWN_LENGTH, got " + length);
        }
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength(length),
                    RequestBody.fromInputStream(in, length));
        } catch (SdkException e) {
            throw S3Errors.translate("PutObject", bucket, key, e);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw S3Errors.translate("GetObject", bucket, key, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Keys ending in {@code /} are folder markers (the S3 console creates them, and S3Proxy's filesystem store
     * reports its directories so), not objects, and are left out. The first page is requested when the stream is
     * first consumed.
     */
    @Override
    public Stream<BlobInfo> list(String prefix) {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                .maxKeys(listPageSize).build();
        Iterator<BlobInfo> infos = new Iterator<>() {
            private Iterator<S3Object> objects;

            @Override
            public boolean hasNext() {
                try {
                    if (objects == null) {
                        objects = s3.listObjectsV2Paginator(request).contents().iterator();
                    }
                    return objects.hasNext();
                } catch (SdkException e) {
                    throw S3Errors.translate("ListObjectsV2", bucket, prefix, e);
                }
            }

            @Override
            public BlobInfo next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                S3Object o = objects.next();
                return new BlobInfo(o.key(), o.size(), ETags.unquote(o.eTag()), o.lastModified());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(infos,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false)
                .filter(info -> !info.key().endsWith("/"));
    }

    @Override
    public Optional<BlobInfo> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new BlobInfo(key, head.contentLength(), ETags.unquote(head.eTag()),
                    head.lastModified()));
        } catch (SdkException e) {
            StoreException translated = S3Errors.translate("HeadObject", bucket, key, e);
            if (translated instanceof NotFoundException) {
                return Optional.empty();
            }
            throw translated;
        }
    }
}
