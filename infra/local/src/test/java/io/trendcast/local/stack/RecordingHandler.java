package io.trendcast.local.stack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A stand-in for the S3-triggered functions: appends one line per event to {@code $LAMBDA_TASK_ROOT/events.jsonl}
 * holding the event and the variables the stack set ({@code {"bucket":…,"handler":…,"event":…}}).
 */
public final class RecordingHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8).replace("\n", "");
        String line = "{\"bucket\":\"" + System.getenv("TRENDCAST_BUCKET")
                + "\",\"handler\":\"" + System.getenv("QUARKUS_LAMBDA_HANDLER")
                + "\",\"tablePrefix\":\"" + System.getenv("TRENDCAST_TABLE_PREFIX")
                + "\",\"s3\":\"" + System.getenv("TRENDCAST_S3_ENDPOINT")
                + "\",\"event\":" + event + "}\n";
        Files.writeString(Path.of(System.getenv("LAMBDA_TASK_ROOT"), "events.jsonl"), line, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        output.write("null".getBytes(StandardCharsets.UTF_8));
    }
}
