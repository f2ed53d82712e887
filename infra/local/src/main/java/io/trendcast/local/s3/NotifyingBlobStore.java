package io.trendcast.local.s3;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

import java.util.List;

/**
 * The jclouds store S3Proxy serves, reporting every object it creates to a {@link NotificationDispatcher} once the
 * write has succeeded: a put ({@code ObjectCreated:Put}), a completed multipart upload
 * ({@code ObjectCreated:CompleteMultipartUpload}) or a copy ({@code ObjectCreated:Copy}). Size and ETag are read
 * back from the store, so the event describes the object as stored.
 */
public final class NotifyingBlobStore extends ForwardingBlobStore {

    private final NotificationDispatcher dispatcher;

    public NotifyingBlobStore(BlobStore delegate, NotificationDispatcher dispatcher) {
        super(delegate);
        this.dispatcher = dispatcher;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return putBlob(container, blob, PutOptions.NONE);
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        String etag = delegate().putBlob(container, blob, options);
        created("ObjectCreated:Put", container, blob.getMetadata().getName());
        return etag;
    }

    @Override
    public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
        String etag = delegate().completeMultipartUpload(upload, parts);
        created("ObjectCreated:CompleteMultipartUpload", upload.containerName(), upload.blobName());
        return etag;
    }

    @Override
    public String copyBlob(String fromContainer, String fromName, String toContainer, String toName,
                           CopyOptions options) {
        String etag = delegate().copyBlob(fromContainer, fromName, toContainer, toName, options);
        created("ObjectCreated:Copy", toContainer, toName);
        return etag;
    }

    /** Notifies after the write; a failure here is reported, never turned into a failed write. */
    private void created(String eventName, String container, String name) {
        if (!dispatcher.wants(container, name)) {
            return;
        }
        try {
            BlobMetadata stored = delegate().blobMetadata(container, name);
            if (stored != null) {
                long size = stored.getSize() == null ? 0 : stored.getSize();
                dispatcher.objectCreated(eventName, container, name, size, stored.getETag());
            }
        } catch (RuntimeException e) {
            System.err.println("trendcast: no notification for " + container + "/" + name + ": " + e);
        }
    }
}
