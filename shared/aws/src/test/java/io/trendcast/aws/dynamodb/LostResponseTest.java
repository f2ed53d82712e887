package io.trendcast.aws.dynamodb;

import io.trendcast.core.port.RunRecord;
import io.trendcast.core.port.RunStatus;
import io.trendcast.testing.emulators.DynaliteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conditional write applied by dynalite whose answer is lost on the way back (the interceptor turns it into an
 * HTTP 500, as a dropped connection or a timeout would end it) is retried by the SDK; the retry's condition fails
 * because the first attempt was applied. The store must read that as its own success: a claim reported lost
 * would make the handler drop the event although nobody processes it.
 */
class LostResponseTest {

    private static final TableNames TABLES = TableNames.withPrefix("lost-");
    private static DynaliteServer dynalite;

    /** Loses the answers of the next {@code lose} UpdateItem calls after the server applied them. */
    private static final class LoseAnswers implements ExecutionInterceptor {
        final AtomicInteger lose = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
                                                  ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest && lose.getAndDecrement() > 0) {
                lost.incrementAndGet();
                return context.httpResponse().toBuilder().statusCode(500).statusText("answer lost").build();
            }
            return context.httpResponse();
        }
    }

    @BeforeAll
    static void start() {
        dynalite = DynaliteServer.startInMemory();
        try (DynamoDbClient plain = client(new LoseAnswers())) {
            TableSchemas.createMissing(plain, TABLES);
        }
    }

    @AfterAll
    static void stop() {
        if (dynalite != null) {
            dynalite.close();
        }
    }

    private static DynamoDbClient client(ExecutionInterceptor interceptor) {
        return DynamoDbClient.builder()
                .endpointOverride(dynalite.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor))
                .build();
    }

    @Test
    void aClaimAndItsCompletionWhoseAnswersAreLostStillSucceedOnceAndOthersStillLose() {
        LoseAnswers interceptor = new LoseAnswers();
        try (DynamoDbClient dynamoDb = client(interceptor)) {
            DynamoDbRunStore runs = new DynamoDbRunStore(dynamoDb, TABLES.runs());
            Instant lease = Instant.now().plusSeconds(600);

            interceptor.lose.set(1);
            assertTrue(runs.claim("bucket/uploads/s1/a.csv#v1", "req-1", lease), "the retried claim is ours");
            assertEquals(1, interceptor.lost.get());
            assertFalse(runs.claim("bucket/uploads/s1/a.csv#v1", "req-2", lease), "another caller still loses");
            assertFalse(runs.claim("bucket/uploads/s1/a.csv#v1", "req-1", lease), "and a new claim is no re-entry");

            interceptor.lose.set(1);
            runs.complete("bucket/uploads/s1/a.csv#v1", "req-1", "done");
            assertEquals(2, interceptor.lost.get());
            RunRecord record = runs.run("bucket/uploads/s1/a.csv#v1").orElseThrow();
            assertEquals(RunStatus.COMPLETED, record.status());
            assertEquals("done", record.summary());
            assertEquals(1, record.attempts(), "the lost answer cost no second attempt");
        }
    }
}
