package io.trendcast.testing.emulators;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * S3Proxy running in this JVM on a free port of 127.0.0.1, backed by memory ({@link #startTransient()}) or by a
 * directory ({@link #startFilesystem(Path)}). Any access key and region are accepted, as the local stack promises
 * (FORMATS.md §5); clients must use path-style addressing and request checksums only when required
 * (STACK-NOTES.md). Unknown headers are ignored, as the SDK's DeleteObjects sends checksum headers S3Proxy does not
 * know.
 */
public final class S3ProxyServer implements AutoCloseable {

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyServer(BlobStoreContext context) {
        this.context = context;
        int port = FreePort.find();
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .ignoreUnknownHeaders(true)
                .build();
    }

    /** Starts a proxy whose objects live in memory and vanish on {@link #close()}. */
    public static S3ProxyServer startTransient() {
        return start(ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .build(BlobStoreContext.class));
    }

    /** Starts a proxy whose buckets are directories under {@code baseDir}, which survive a restart. */
    public static S3ProxyServer startFilesystem(Path baseDir) {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", baseDir.toAbsolutePath().toString());
        return start(ContextBuilder.newBuilder("filesystem")
                .credentials("identity", "credential")
                .overrides(properties)
                .build(BlobStoreContext.class));
    }

    private static S3ProxyServer start(BlobStoreContext context) {
        S3ProxyServer server = new S3ProxyServer(context);
        try {
            server.proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(server.proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 10 s (state "
                            + server.proxy.getState() + ")");
                }
                Thread.sleep(10);
            }
            return server;
        } catch (Exception e) {
            server.close();
            throw new IllegalStateException("S3Proxy failed to start on " + server.endpoint + ": " + e.getMessage(), e);
        }
    }

    /** The proxy's endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Creates a bucket directly in the backing store. */
    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
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
