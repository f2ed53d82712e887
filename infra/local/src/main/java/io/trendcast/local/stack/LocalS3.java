package io.trendcast.local.stack;

import io.trendcast.local.s3.NotificationDispatcher;
import io.trendcast.local.s3.NotifyingBlobStore;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * S3Proxy in this JVM on 127.0.0.1, serving the jclouds filesystem store under a directory (each bucket a
 * sub-directory), wrapped so created objects notify the {@link NotificationDispatcher}. Any credentials are
 * accepted; unknown headers (the SDK's checksum headers) are ignored (STACK-NOTES.md).
 */
public final class LocalS3 implements AutoCloseable {

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final URI endpoint;

    private LocalS3(BlobStoreContext context, S3Proxy proxy, URI endpoint) {
        this.context = context;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts the server on {@code port} with its objects under {@code baseDir}. */
    public static LocalS3 start(Path baseDir, int port, NotificationDispatcher dispatcher) {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", baseDir.toAbsolutePath().toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .credentials("identity", "credential")
                .overrides(properties)
                .build(BlobStoreContext.class);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new NotifyingBlobStore(context.getBlobStore(), dispatcher))
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .ignoreUnknownHeaders(true)
                .build();
        LocalS3 s3 = new LocalS3(context, proxy, endpoint);
        try {
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("state " + proxy.getState());
                }
                Thread.sleep(10);
            }
            return s3;
        } catch (Exception e) {
            s3.close();
            throw new IllegalStateException("S3Proxy could not start on " + endpoint + " (is the port in use? choose "
                    + "another with --s3-port): " + e.getMessage(), e);
        }
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:4566}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Creates the bucket unless it exists. */
    public void ensureBucket(String bucket) {
        if (!context.getBlobStore().containerExists(bucket)) {
            context.getBlobStore().createContainerInLocation(null, bucket);
        }
    }

    /** Stops the proxy and closes the jclouds context (without it the JVM lingers 30 s at exit). */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop cleanly", e);
        } finally {
            context.close();
        }
    }
}
