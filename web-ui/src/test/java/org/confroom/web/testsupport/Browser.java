package org.confroom.web.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the Debian packages ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}),
 * driven by Selenium without Selenium Manager, so nothing is downloaded. Without the packages the browser
 * tests are skipped, except under {@code CI=true}, where {@code .ci/run} installs them and their absence
 * is a failure. Screenshots go to {@code target/screenshots}; the browser console is checked for errors
 * (a Content-Security-Policy violation shows up there).
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.profile = profile;
    }

    /** Starts a browser for the application at {@code base}; skips the test when Chromium is missing (outside CI). */
    public static Browser open(String base, int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + DRIVER + " is missing: .ci/run installs them");
        }
        Assumptions.assumeTrue(present, "browser tests need " + CHROMIUM + " and " + DRIVER + " (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("confroom-chromium");
            ChromeOptions o = new ChromeOptions();
            o.setBinary(CHROMIUM.toFile());
            o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            if (width < 500) {
                // a desktop window is at least 500 px wide: narrower screens are emulated like a phone
                o.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                        java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0), "userAgent",
                        "Mozilla/5.0 (Linux; Android 14) Mobile confroom-test"));
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            o.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver d = new ChromeDriver(service, o);
            d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            return new Browser(d, base, profile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile directory: " + e.getMessage(), e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits up to {@code seconds} for a condition, naming it in the failure. */
    public <T> T await(String what, int seconds, ExpectedCondition<T> condition) {
        // a live fragment may be swapped between finding an element and reading it: look again
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /**
     * Runs a user action, again when a live fragment was swapped under it (stale element), for up to 10 s.
     */
    public void act(String what, Runnable action) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                action.run();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(what + ": the page kept changing under the action", e);
                }
            }
        }
    }

    /** Logs in through the login form. */
    public Browser login(String user, String password) {
        go("/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("button[type=submit]").click();
        await("the dashboard after login", 10, d -> d.getCurrentUrl().endsWith("/") || d.getCurrentUrl().contains("/rooms"));
        return this;
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name + ": " + e.getMessage(), e);
        }
    }

    /** @return the browser console's errors since the last call (CSP violations, script errors, failed loads) */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
