package io.trendcast.aws.event;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;

import java.util.List;

/**
 * The seller of the objects of an S3 event, for the cost ledger: every key the system triggers on starts with a
 * prefix and the seller ({@code uploads/{seller}/…}, {@code features/{seller}/…}).
 */
public final class Sellers {

    private Sellers() {
    }

    /** The seller of an S3 notification's objects, or {@code null} when it names none, several, or is malformed. */
    public static String of(S3EventNotification event) {
        try {
            return of(new S3EventDecoder().decode(event));
        } catch (MalformedEventException e) {
            return null;
        }
    }

    /** The seller all {@code objects} belong to, or {@code null} when there is none or more than one. */
    public static String of(List<ObjectCreated> objects) {
        String seller = null;
        for (ObjectCreated object : objects) {
            String[] parts = object.key().split("/", 3);
            if (parts.length < 3 || parts[1].isEmpty() || (seller != null && !seller.equals(parts[1]))) {
                return null;
            }
            seller = parts[1];
        }
        return seller;
    }
}
