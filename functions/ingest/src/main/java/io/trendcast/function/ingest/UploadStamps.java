package io.trendcast.function.ingest;

import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.core.port.BlobInfo;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.core.port.StoreException;
import io.trendcast.core.upload.UploadStamp;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The {@link UploadStamp} of an upload: which of two uploads is the later one, decided the same way whatever order
 * their events arrive in. The time is when S3 created the object: the event's {@code eventTime} (milliseconds; S3
 * sends one with every notification and repeats it on redelivery), or, for an event without one (a hand-made
 * event), the object's {@code LastModified} read with HeadObject (whole seconds). Ties go to the key, then S3's
 * {@code sequencer} (which orders the versions of one key), then the version id (or the ETag of an unversioned
 * object).
 */
final class UploadStamps {

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,64}");

    private UploadStamps() {
    }

    /**
     * @throws NotFoundException when the event has no time and the object is gone
     * @throws StoreException    when the store gives no creation time
     */
    static UploadStamp of(ObjectCreated object, UploadKey key, BlobStore blobs) {
        Instant created = object.eventTime();
        if (created == null) {
            BlobInfo info = blobs.head(object.key()).orElseThrow(() -> new NotFoundException("no object under '"
                    + object.key() + "' to read the creation time of"));
            created = info.lastModified();
            if (created == null) {
                throw new StoreException("the store gives no creation time for " + object.key()
                        + " and its event has no eventTime");
            }
        }
        String sequencer = object.sequencer() != null && HEX.matcher(object.sequencer()).matches()
                ? object.sequencer() : null;
        return UploadStamp.of(key.uploadId(), created, object.key(), sequencer,
                object.versionId() != null ? object.versionId() : object.etag());
    }
}
