package io.trendcast.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A handler run by the local runtime in tests, with nothing but the runtime client on its class path (so no JSON
 * library: flat events are read with a pattern). Driven by its event: {@code {"fail":"m"}} throws,
 * {@code {"sleepMs":"n"}} sleeps, {@code {"exit":"c"}} ends the JVM, {@code {"env":"NAME"}} reads a variable. It
 * answers with the event, the context's request id, function ARN and remaining time, and its JVM's pid.
 */
public final class ProbeHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String fail = field(event, "fail");
        if (fail != null) {
            throw new IllegalArgumentException(fail);
        }
        String exit = field(event, "exit");
        if (exit != null) {
            System.exit(Integer.parseInt(exit));
        }
        String sleep = field(event, "sleepMs");
        if (sleep != null) {
            try {
                Thread.sleep(Long.parseLong(sleep));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String env = field(event, "env");
        String answer = "{\"event\":" + event
                + ",\"requestId\":\"" + context.getAwsRequestId()
                + "\",\"functionArn\":\"" + context.getInvokedFunctionArn()
                + "\",\"remainingMs\":" + context.getRemainingTimeInMillis()
                + ",\"pid\":" + ProcessHandle.current().pid()
                + ",\"envValue\":" + (env == null ? "null" : "\"" + System.getenv(env) + "\"") + "}";
        output.write(answer.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
