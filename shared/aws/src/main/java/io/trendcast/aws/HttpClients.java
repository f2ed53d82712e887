package io.trendcast.aws;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The SDK HTTP client a function ships: Apache's (pooled connections, for the S3-heavy ingest and train functions)
 * when present, else the JDK's {@code HttpURLConnection} client (the api function's, for a lighter cold start).
 * Chosen here in that order rather than by the SDK's service discovery, which fails when both are present. Each
 * builder sits in its own holder class so that the absent client's classes are never loaded.
 */
final class HttpClients {

    static final String APACHE = "software.amazon.awssdk.http.apache.ApacheHttpClient";
    static final String URL_CONNECTION = "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient";

    private HttpClients() {
    }

    /** A builder of the preferred client on the class path. */
    static SdkHttpClient.Builder<?> builder() {
        if (present(APACHE)) {
            return Apache.builder();
        }
        if (present(URL_CONNECTION)) {
            return UrlConnection.builder();
        }
        throw new IllegalStateException("no AWS SDK HTTP client on the class path: add software.amazon.awssdk:"
                + "apache-client or url-connection-client");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, HttpClients.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static final class Apache {
        static SdkHttpClient.Builder<?> builder() {
            return ApacheHttpClient.builder();
        }
    }

    private static final class UrlConnection {
        static SdkHttpClient.Builder<?> builder() {
            return UrlConnectionHttpClient.builder();
        }
    }
}
