package io.trendcast.local.stack;

import io.trendcast.aws.AwsClients;
import io.trendcast.aws.AwsSettings;
import io.trendcast.aws.dynamodb.TableNames;
import io.trendcast.aws.dynamodb.TableSchemas;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The tables of a data directory, for commands that need them whether or not {@code trendcast up} is running: the
 * running stack's dynalite when there is one ({@link StackFile}), otherwise a dynalite started on the directory
 * for as long as this is open.
 */
public final class DataDirTables implements AutoCloseable {

    private final LocalDynamo startedHere;
    private final AwsClients clients;

    private DataDirTables(LocalDynamo startedHere, AwsClients clients) {
        this.startedHere = startedHere;
        this.clients = clients;
    }

    /** Opens the tables of {@code dataDir}, creating any that are missing. */
    public static DataDirTables open(Path dataDir) {
        Optional<StackFile.Endpoints> running = StackFile.read(dataDir);
        LocalDynamo dynamo = running.isPresent() ? null : LocalDynamo.start(dataDir.resolve("dynamodb"));
        AwsClients clients = new AwsClients(AwsSettings.forLocalEndpoints(null,
                running.map(StackFile.Endpoints::dynamoDb).orElseGet(() -> dynamo.endpoint())));
        DataDirTables tables = new DataDirTables(dynamo, clients);
        try {
            TableSchemas.createMissing(clients.dynamoDb(), tables.names());
            return tables;
        } catch (RuntimeException e) {
            tables.close();
            throw e;
        }
    }

    /** The local stack's table names. */
    public TableNames names() {
        return TableNames.withPrefix(StackOptions.TABLE_PREFIX);
    }

    /** The DynamoDB client. */
    public DynamoDbClient dynamoDb() {
        return clients.dynamoDb();
    }

    /** Closes the client and stops dynalite if it was started here. */
    @Override
    public void close() {
        try {
            clients.close();
        } finally {
            if (startedHere != null) {
                startedHere.close();
            }
        }
    }
}
