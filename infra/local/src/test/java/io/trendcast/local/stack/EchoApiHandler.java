package io.trendcast.local.stack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A stand-in for the api function: answers 200 with the HTTP API event it received as the JSON body. */
public final class EchoApiHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String body = event.replace("\\", "\\\\").replace("\"", "\\\"");
        String response = "{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\",\"x-echo\":\"1\"},"
                + "\"body\":\"" + body + "\",\"isBase64Encoded\":false}";
        output.write(response.getBytes(StandardCharsets.UTF_8));
    }
}
