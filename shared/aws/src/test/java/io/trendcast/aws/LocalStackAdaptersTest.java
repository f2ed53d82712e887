package io.trendcast.aws;

import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.aws.dynamodb.DynamoDbForecastStore;
import io.trendcast.aws.dynamodb.DynamoDbRunStore;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import io.trendcast.aws.s3.S3BlobStore;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.BlobStore;
import io.trendcast.core.port.ForecastStore;
import io.trendcast.core.port.RunStore;
import io.trendcast.testing.contract.ApiKeyStoreContract;
import io.trendcast.testing.contract.BlobStoreContract;
import io.trendcast.testing.contract.ForecastStoreContract;
import io.trendcast.testing.contract.RunStoreContract;
import io.trendcast.testing.fakes.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;

/**
 * The same port contracts as the emulator tests, against LocalStack in Docker: a second, independent emulation of
 * S3 and DynamoDB closer to AWS's own behaviour (checksums, virtual hosts aside). Skipped where no Docker engine
 * is available, as on the development machines; CI with Docker runs it.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackAdaptersTest {

    private static final String BUCKET = "trendcast-localstack";
    private static final TableNames TABLES = TableNames.withPrefix("ls-");

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("s3", "dynamodb");

    static AwsClients clients;

    @BeforeAll
    static void connect() {
        clients = new AwsClients(AwsSettings.builder()
                .region(LOCALSTACK.getRegion())
                .s3Endpoint(LOCALSTACK.getEndpoint())
                .dynamoDbEndpoint(LOCALSTACK.getEndpoint())
                .pathStyle(true)
                .maxAttempts(3)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(500))
                .staticCredentials(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())
                .build());
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        TableSchemas.createMissing(clients.dynamoDb(), TABLES);
    }

    @AfterAll
    static void close() {
        if (clients != null) {
            clients.close();
        }
    }

    @Nested
    class Blobs extends BlobStoreContract {
        @Override
        protected BlobStore store() {
            return new S3BlobStore(clients.s3(), BUCKET, 5 * 1024 * 1024, 1000);
        }
    }

    @Nested
    class Runs extends RunStoreContract {
        @Override
        protected RunStore createStore(MutableClock clock) {
            return new DynamoDbRunStore(clients.dynamoDb(), TABLES.runs(), clock);
        }
    }

    @Nested
    class Forecasts extends ForecastStoreContract {
        @Override
        protected ForecastStore store() {
            return new DynamoDbForecastStore(clients.dynamoDb(), TABLES.forecasts());
        }
    }

    @Nested
    class ApiKeys extends ApiKeyStoreContract {
        @Override
        protected ApiKeyStore store() {
            return new DynamoDbApiKeyStore(clients.dynamoDb(), TABLES.apiKeys());
        }
    }
}
