package io.trendcast.local.cli;

import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.core.port.NotFoundException;
import io.trendcast.local.stack.DataDirTables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code trendcast keys revoke (--key K | --hash H)}: revokes an API key, named by the key itself or by its
 * SHA-256 (what the ApiKeys table and the logs hold). From then on every request with it is 401; revoking twice
 * changes nothing. Exit code 1 when no such key is stored.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke an API key: every request with it is refused from now on.")
final class KeysRevokeCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--data-dir", defaultValue = ".trendcast",
            description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    static final class Which {
        @Option(names = "--key", required = true, description = "The key, as 'keys create' printed it.")
        String key;

        @Option(names = "--hash", required = true, description = "The key's SHA-256, 64 hex digits.")
        String hash;
    }

    @Override
    public Integer call() {
        String hash = which.key != null ? ApiKeyRecord.hash(which.key.strip())
                : which.hash.strip().toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            System.err.println("--hash must be the 64 hex digits of a SHA-256");
            return 2;
        }
        try (DataDirTables tables = DataDirTables.open(dataDir)) {
            ApiKeyStore store = new DynamoDbApiKeyStore(tables.dynamoDb(), tables.names().apiKeys());
            store.revoke(hash);
        } catch (NotFoundException e) {
            System.err.println("no API key with hash " + hash + " in " + dataDir);
            return 1;
        }
        System.err.println("revoked API key " + hash.substring(0, 12) + "…");
        return 0;
    }
}
