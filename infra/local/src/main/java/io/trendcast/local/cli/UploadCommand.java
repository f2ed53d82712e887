package io.trendcast.local.cli;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.aws.s3.ETags;
import io.trendcast.local.stack.StackDefinition;
import io.trendcast.local.stack.StackFile;
import io.trendcast.local.stack.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code trendcast upload FILE --seller S}: puts a sales file under {@code uploads/S/} and prints its upload id. */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Upload a sales file for a seller and print the upload id.")
final class UploadCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The CSV (or .csv.gz) file.")
    Path file;

    @Option(names = "--seller", required = true, description = "The seller id.")
    String seller;

    @Option(names = "--data-dir", defaultValue = ".trendcast", description = "Data directory of the running stack "
            + "(default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--endpoint", description = "S3 endpoint (default: the running stack's, else http://127.0.0.1:4566).")
    URI endpoint;

    @Option(names = "--bucket", description = "Bucket (default: the running stack's, else " + StackOptions.DEFAULT_BUCKET
            + ").")
    String bucket;

    @Override
    public Integer call() {
        if (!seller.matches("[A-Za-z0-9_-]{1,64}")) {
            System.err.println("trendcast: --seller must be 1-64 letters, digits, '_' or '-', got '" + seller + "'");
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("trendcast: no such file: " + file);
            return 2;
        }
        Optional<StackFile.Endpoints> running = StackFile.read(dataDir);
        URI s3 = endpoint != null ? endpoint
                : running.map(StackFile.Endpoints::s3).orElse(URI.create("http://127.0.0.1:4566"));
        String target = bucket != null ? bucket
                : running.map(StackFile.Endpoints::bucket).orElse(StackOptions.DEFAULT_BUCKET);
        String key = "uploads/" + seller + "/" + file.getFileName();
        if (StackDefinition.SUBSCRIPTIONS.stream().noneMatch(s -> s.matches(key))) {
            System.err.println("trendcast: warning: " + key + " is not .csv or .csv.gz; ingest will not be notified");
        }
        System.out.println(put(s3, target, key, file));
        return 0;
    }

    /** Puts the file and returns its upload id (see {@link ObjectCreated#uploadId()}). */
    static String put(URI s3, String bucket, String key, Path file) {
        try (AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(s3, null))) {
            PutObjectResponse response = clients.s3().putObject(b -> b.bucket(bucket).key(key), file);
            long size = file.toFile().length();
            return new ObjectCreated(bucket, key, size, ETags.unquote(response.eTag()), response.versionId(), null)
                    .uploadId();
        }
    }
}
