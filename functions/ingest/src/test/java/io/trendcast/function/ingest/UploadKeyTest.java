package io.trendcast.function.ingest;

import io.trendcast.aws.event.ObjectCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadKeyTest {

    private static UploadKey key(String key, String etag, String version) {
        return UploadKey.of(new ObjectCreated("b", key, 1, etag, version, null));
    }

    @Test
    void sellerAndNameComeFromTheKeyAndTheIdFromBucketKeyAndVersion() {
        UploadKey k = key("uploads/shop_7-a/nov sales.csv.gz", "e1", "v1");
        assertTrue(k.valid());
        assertEquals("shop_7-a", k.seller());
        assertEquals("nov sales.csv.gz", k.name());
        assertEquals(20, k.uploadId().length());
        assertEquals(k.uploadId(), key("uploads/shop_7-a/nov sales.csv.gz", "other-etag", "v1").uploadId(),
                "the version id decides when there is one");
        assertNotEquals(k.uploadId(), key("uploads/shop_7-a/nov sales.csv.gz", "e1", "v2").uploadId());
        assertNotEquals(key("uploads/s/a.csv", "e1", null).uploadId(), key("uploads/s/a.csv", "e2", null).uploadId(),
                "without versions the ETag decides");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uploads/../x.csv", "uploads/s1/../../x.csv", "uploads/s1/sub/x.csv", "uploads/s1/",
        "uploads/s1", "uploads/sssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss/x.csv", "uploads/s 1/x.csv", "uploads/s1/x\u0007.csv",
        "uploads//x.csv"})
    void junkKeysAreRefusedWithAReason(String raw) {
        UploadKey k = key(raw, "e", null);
        assertFalse(k.valid(), raw);
        assertTrue(k.problem().contains("upload to uploads/"), k.problem());
    }
}
