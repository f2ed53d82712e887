package io.trendcast.local.cli;

import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyStore;
import io.trendcast.local.stack.DataDirTables;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;

/**
 * {@code trendcast keys create (--seller S | --finance)}: a new key (32 random bytes, base64url) printed alone on
 * standard output; only its SHA-256 is stored.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an API key and print it (it is shown only once).")
final class KeysCreateCommand implements Callable<Integer> {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Owner owner;

    @Option(names = "--data-dir", defaultValue = ".trendcast", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    static final class Owner {
        @Option(names = "--seller", required = true, description = "The seller the key reads.")
        String seller;

        @Option(names = "--finance", required = true, description = "A finance key (cost reports).")
        boolean finance;
    }

    @Override
    public Integer call() {
        String key = newKey();
        try (DataDirTables tables = DataDirTables.open(dataDir)) {
            ApiKeyStore store = new DynamoDbApiKeyStore(tables.dynamoDb(), tables.names().apiKeys());
            store.create(record(key, owner.seller, Instant.now()));
        }
        System.out.println(key);
        return 0;
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored record of a key: a seller key when {@code seller} is given, else a finance key. */
    static ApiKeyRecord record(String key, String seller, Instant now) {
        return seller != null ? ApiKeyRecord.forSeller(key, seller, now) : ApiKeyRecord.forFinance(key, now);
    }
}
