package io.trendcast.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendcast.aws.AwsClients;
import io.trendcast.core.port.UploadState;
import io.trendcast.core.port.UploadStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Trends, anomalies, inventory and the dashboard on the local stack with the real packaged functions. The upload
 * holds a daily series with known injected events ({@code injected} at store {@code north}: level 100 with a weekly
 * pattern and noise, a +40 level shift on day 120, +150 spikes on days 60 and 310, zero sales on days 200-206, a
 * rising trend of +0.6 a day from day 260; 400 days from 2024-01-01) and a steady series; the endpoints must report
 * each event on its date. The browser test then logs into the dashboard with the seller's key in headless
 * Chromium (Debian {@code chromium} and {@code chromium-driver}), opens the item and checks the chart's history,
 * forecast and bands, and the finance page with a finance key (the cost table and bars, or a notice where
 * {@code /v1/costs} is absent); screenshots go to {@code target/screenshots}. Skipped until all three {@code function.zip}
 * are built; the browser test also skips when Chromium or chromedriver is not installed.
 */
class InsightsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELLER = "insights";
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 400;
    private static final int SPIKE_1 = 60;
    private static final int SHIFT = 120;
    private static final int STOCKOUT_FROM = 200;
    private static final int STOCKOUT_TO = 206;
    private static final int TREND = 260;
    private static final int SPIKE_2 = 310;
    private static final Duration TRAINED_WITHIN = Duration.ofMinutes(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;
    private static StackSession session;
    private static LocalStack stack;
    private static AwsClients clients;
    private static String key;
    private static String financeKey;
    private static String uploadId;
    private static UploadStatus status;

    @BeforeAll
    static void start() throws Exception {
        session = StackSession.start(dir, options -> options);
        stack = session.stack();
        clients = session.clients();
        key = session.sellerKey(SELLER);
        financeKey = session.financeKey();
        Path csv = dir.resolve("injected.csv");
        Files.writeString(csv, csv());
        uploadId = session.upload(SELLER, csv, "injected.csv");
        status = session.awaitFinal(uploadId, TRAINED_WITHIN);
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    /** {@code date,item,store,quantity,on_hand}: the injected series (stock reported on its last day) and a steady one. */
    static String csv() {
        Random random = new Random(7);
        double[] pattern = {0, -4, -6, -2, 3, 10, -1};
        StringBuilder out = new StringBuilder("date,item,store,quantity,on_hand\n");
        for (int t = 0; t < DAYS; t++) {
            double level = 100 + (t >= SHIFT ? 40 : 0) + (t >= TREND ? 0.6 * (t - TREND + 1) : 0);
            long q = Math.round(level + pattern[t % 7] + 5 * random.nextGaussian());
            if (t == SPIKE_1 || t == SPIKE_2) {
                q += 150;
            }
            if (t >= STOCKOUT_FROM && t <= STOCKOUT_TO) {
                q = 0;
            }
            out.append(day(t)).append(",injected,north,").append(q).append(',')
                    .append(t == DAYS - 1 ? "120" : "").append('\n');
            out.append(day(t)).append(",steady,north,").append(Math.round(50 + 4 * random.nextGaussian()))
                    .append(",\n");
        }
        return out.toString();
    }

    private static LocalDate day(int t) {
        return START.plusDays(t);
    }

    @Test
    void trendsAndAnomaliesReportEachInjectedEventOnItsDate() throws Exception {
        assertEquals(UploadState.TRAINED, status.state(), status.message());
        JsonNode trends = getJson("/v1/sellers/" + SELLER + "/trends");
        JsonNode first = trends.path("items").path(0);
        assertEquals("injected", first.path("item").asText(), trends.toString());
        assertEquals("rising", first.path("direction").asText());
        assertTrue(first.path("significant").asBoolean(), first.toString());
        long off = ChronoUnit.DAYS.between(day(TREND), LocalDate.parse(first.path("since").asText()));
        assertTrue(Math.abs(off) <= 7, "trend since " + first.path("since") + ", injected from " + day(TREND));
        assertEquals(2, trends.path("total").asInt(), "every series is ranked");
        assertEquals("steady", trends.path("items").path(1).path("item").asText());

        JsonNode anomalies = getJson("/v1/sellers/" + SELLER + "/anomalies?item=injected&store=north")
                .path("anomalies");
        List<String> found = new ArrayList<>();
        for (JsonNode a : anomalies) {
            found.add(a.path("kind").asText() + "@" + a.path("date").asText() + ".." + a.path("endDate").asText());
            assertTrue(a.path("score").asDouble() >= 4 && a.path("rule").asText().startsWith(a.path("kind").asText()),
                    a.toString());
        }
        assertEquals(List.of(
                "spike@" + day(SPIKE_2) + ".." + day(SPIKE_2),
                "stockout@" + day(STOCKOUT_FROM) + ".." + day(STOCKOUT_TO),
                "level_shift@" + day(SHIFT) + ".." + day(SHIFT),
                "spike@" + day(SPIKE_1) + ".." + day(SPIKE_1)), found, "newest first");
        assertEquals(0, getJson("/v1/sellers/" + SELLER + "/anomalies?item=steady").path("count").asInt());

        JsonNode report = getJson("/v1/sellers/" + SELLER + "/uploads/" + uploadId);
        assertEquals(4, report.path("anomalies").size(), report.toString());
        assertEquals(2, report.path("charts").size(), report.toString());
        for (JsonNode chart : report.path("charts")) {
            byte[] png = clients.s3().getObjectAsBytes(b -> b.bucket(stack.bucket()).key(chart.asText())).asByteArray();
            assertEquals((byte) 0x89, png[0]);
            assertEquals('P', png[1]);
        }
    }

    @Test
    void inventoryUsesTheUploadedStock() throws Exception {
        assertEquals(UploadState.TRAINED, status.state(), status.message());
        JsonNode a = getJson("/v1/sellers/" + SELLER + "/items/injected/inventory?store=north&leadTimeDays=7");
        assertEquals("upload", a.path("onHandSource").asText(), a.toString());
        assertEquals(120, a.path("onHand").asDouble());
        assertEquals(day(DAYS - 1).toString(), a.path("onHandDate").asText());
        double mean = a.path("leadTimeDemand").path("mean").asDouble();
        assertTrue(mean > 7 * 200 && mean < 7 * 260, "a week of demand at the trending level: " + mean);
        assertTrue(a.path("reorderPoint").asDouble() > mean);
        assertTrue(a.path("reorderNow").asBoolean());
        assertEquals(Math.ceil(a.path("orderUpTo").asDouble() - 120), a.path("suggestedOrderQuantity").asDouble(),
                1e-9);
    }

    @Test
    void theDashboardShowsAnItemsHistoryForecastAndBands() throws Exception {
        assertEquals(UploadState.TRAINED, status.state(), status.message());
        Path chromium = executable("TRENDCAST_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = executable("TRENDCAST_CHROMEDRIVER", "/usr/bin/chromedriver");
        String missing = "Chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver)";
        if (browserRequired()) {
            assertTrue(chromium != null && chromedriver != null, missing + " but TRENDCAST_BROWSER_REQUIRED is set");
        }
        assumeTrue(chromium != null && chromedriver != null, missing);
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1800", "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile())
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(stack.apiEndpoint() + "/dashboard/index.html");
            browser.findElement(By.id("seller")).sendKeys(SELLER);
            browser.findElement(By.id("key")).sendKeys(key);
            browser.findElement(By.cssSelector("#login button")).click();
            WebElement row = await(browser, () -> browser.findElements(
                    By.cssSelector("#trends tbody tr[data-item='injected']")).stream().findFirst());
            screenshot(browser, "dashboard-trends.png");
            row.click();
            WebElement forecast = await(browser, () -> browser.findElements(
                    By.cssSelector("#chart path[data-series='forecast']")).stream().findFirst());
            WebElement history = browser.findElement(By.cssSelector("#chart path[data-series='history']"));
            WebElement band80 = browser.findElement(By.cssSelector("#chart path[data-band='80']"));
            WebElement band95 = browser.findElement(By.cssSelector("#chart path[data-band='95']"));
            int horizon = Integer.parseInt(forecast.getAttribute("data-points"));
            assertTrue(horizon >= 7, "forecast points " + horizon);
            assertEquals(day(DAYS).toString(), forecast.getAttribute("data-from"), "forecast starts after history");
            assertTrue(Integer.parseInt(history.getAttribute("data-points")) >= 90, "history drawn");
            assertEquals(day(DAYS - 1).toString(), history.getAttribute("data-to"));
            assertEquals(String.valueOf(horizon), band80.getAttribute("data-points"));
            assertEquals(String.valueOf(horizon), band95.getAttribute("data-points"));
            for (WebElement path : List.of(forecast, history, band80, band95)) {
                assertTrue(path.getAttribute("d").length() > 20, "drawn: " + path.getAttribute("d"));
                assertTrue(path.isDisplayed());
            }
            assertTrue(band95.getSize().getHeight() >= band80.getSize().getHeight(), "95 % band wraps the 80 % band");
            assertTrue(band80.getSize().getHeight() > 0 && band80.getSize().getWidth() > 0);
            assertFalse(browser.findElements(By.cssSelector("#chart circle[data-anomaly='spike']")).isEmpty(),
                    "the spike of day " + SPIKE_2 + " is marked");
            screenshot(browser, "dashboard-item.png");

            browser.findElement(By.cssSelector("#inventory-form button")).click();
            WebElement advice = await(browser, () -> browser.findElements(By.cssSelector("#inventory dl")).stream()
                    .findFirst());
            assertTrue(advice.getText().contains("reorder point"), advice.getText());
            assertTrue(advice.getText().contains("upload"), advice.getText());
            screenshot(browser, "dashboard-inventory.png");

            browser.get(stack.apiEndpoint() + "/dashboard/finance.html");
            browser.findElement(By.id("key")).sendKeys(financeKey);
            browser.findElement(By.cssSelector("#costs-form button")).click();
            WebElement shown = await(browser, () -> Optional.of(browser.findElement(By.id("notice")))
                    .filter(e -> !e.getText().isEmpty())
                    .or(() -> Optional.of(browser.findElement(By.id("error"))).filter(e -> !e.getText().isEmpty()))
                    .or(() -> browser.findElements(By.cssSelector("#costs tbody tr")).stream().findFirst()));
            screenshot(browser, "dashboard-finance.png");
            assertTrue(browser.findElement(By.id("error")).getText().isEmpty(), browser.findElement(By.id("error"))
                    .getText());
            if (browser.findElement(By.id("notice")).getText().isEmpty()) {
                assertTrue(shown.getText().contains("ingest") || shown.getText().contains("train")
                        || shown.getText().contains("api"), "cost rows by function: " + shown.getText());
                assertFalse(browser.findElements(By.cssSelector("#days rect.bar")).isEmpty(), "cost per day drawn");
            }
        } finally {
            browser.quit();
        }
    }

    /** The executable named by {@code env} when it is set (only that one), else the first candidate found. */
    private static Path executable(String env, String... candidates) {
        String configured = System.getenv(env);
        List<String> all = configured != null && !configured.isBlank() ? List.of(configured) : List.of(candidates);
        for (String c : all) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static <T> T await(WebDriver browser, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        screenshot(browser, "dashboard-timeout.png");
        throw new AssertionError("not shown within 30 s; page text: " + browser.findElement(By.tagName("body"))
                .getText());
    }

    /** {@code ./trendcast test} sets this once it has installed the browser: from then on a skip would hide a failure. */
    private static boolean browserRequired() {
        return "1".equals(System.getenv("TRENDCAST_BROWSER_REQUIRED"));
    }

    private static void screenshot(WebDriver browser, String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = session.get(path, key);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
