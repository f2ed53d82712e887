package io.trendcast.local.cli;

import io.trendcast.aws.dynamodb.DynamoDbApiKeyStore;
import io.trendcast.core.port.ApiKeyRecord;
import io.trendcast.core.port.ApiKeyRole;
import io.trendcast.local.stack.DataDirTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trendcast keys create} without a running stack: the key alone on stdout, its hash stored. */
class KeysCreateCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, new CommandLine(new TrendcastCommand()).execute(args));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sellerAndFinanceKeysArePrintedAloneAndStoredHashed() {
        String data = dir.resolve("data").toString();
        String sellerOut = run("keys", "create", "--seller", "s1", "--data-dir", data);
        String financeOut = run("keys", "create", "--finance", "--data-dir", data);

        assertTrue(sellerOut.matches("[A-Za-z0-9_-]{43}\n"), "one base64url line of 32 bytes: '" + sellerOut + "'");
        assertTrue(financeOut.matches("[A-Za-z0-9_-]{43}\n"), financeOut);
        try (DataDirTables tables = DataDirTables.open(dir.resolve("data"))) {
            DynamoDbApiKeyStore keys = new DynamoDbApiKeyStore(tables.dynamoDb(), tables.names().apiKeys());
            ApiKeyRecord seller = keys.findByHash(ApiKeyRecord.hash(sellerOut.strip())).orElseThrow();
            assertEquals(ApiKeyRole.SELLER, seller.role());
            assertEquals("s1", seller.seller());
            ApiKeyRecord finance = keys.findByHash(ApiKeyRecord.hash(financeOut.strip())).orElseThrow();
            assertEquals(ApiKeyRole.FINANCE, finance.role());
            assertNull(finance.seller());
        }
    }

    @Test
    void sellerAndFinanceTogetherIsAUsageError() {
        assertEquals(2, new CommandLine(new TrendcastCommand()).execute("keys", "create", "--seller", "s1",
                "--finance", "--data-dir", dir.toString()));
    }

    @Test
    void aKeyIsRevokedByItselfOrByItsHashAndAnUnknownOneIsAnError() {
        String data = dir.resolve("data").toString();
        String first = run("keys", "create", "--seller", "s1", "--data-dir", data).strip();
        String second = run("keys", "create", "--finance", "--data-dir", data).strip();

        run("keys", "revoke", "--key", first, "--data-dir", data);
        run("keys", "revoke", "--hash", ApiKeyRecord.hash(second).toUpperCase(), "--data-dir", data);
        run("keys", "revoke", "--key", first, "--data-dir", data);

        try (DataDirTables tables = DataDirTables.open(dir.resolve("data"))) {
            DynamoDbApiKeyStore keys = new DynamoDbApiKeyStore(tables.dynamoDb(), tables.names().apiKeys());
            assertTrue(keys.findByHash(ApiKeyRecord.hash(first)).orElseThrow().revoked());
            assertTrue(keys.findByHash(ApiKeyRecord.hash(second)).orElseThrow().revoked());
        }
        assertEquals(1, new CommandLine(new TrendcastCommand()).execute("keys", "revoke", "--key", "never-issued",
                "--data-dir", data));
        assertEquals(2, new CommandLine(new TrendcastCommand()).execute("keys", "revoke", "--hash", "abc",
                "--data-dir", data));
    }
}
