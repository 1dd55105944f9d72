package vn.luot.e2e.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, driven by Debian's chromedriver). Nothing is downloaded: both
 * binaries come from the system, installed by {@code scripts/test} when missing.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(int width, int height) {
        this(width, height, true);
    }

    private Browser(int width, int height, boolean soundWithoutTap) {
        try {
            profile = Files.createTempDirectory("luot-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        if (soundWithoutTap) {
            options.addArguments("--autoplay-policy=no-user-gesture-required");   // as a hall TV is set up
        }
        // The console, so that tests can see what the Content-Security-Policy refused.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        viewport(width, height);
    }

    /** A 1920×1080 page, the size of a hall TV. */
    public static Browser open() {
        return new Browser(1920, 1080);
    }

    public static Browser open(int width, int height) {
        return new Browser(width, height);
    }

    /** A browser as it comes, which plays sound only after a person has tapped the page. */
    public static Browser openRequiringTapForSound(int width, int height) {
        return new Browser(width, height, false);
    }

    public WebDriver driver() {
        return driver;
    }

    /** What the page's Content-Security-Policy refused since the last call (from the browser's console). */
    public List<String> securityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    public void go(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Waits up to ten seconds for a condition on the page. */
    public <T> T await(Function<WebDriver, T> condition) {
        return await(Duration.ofSeconds(10), condition);
    }

    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        // A page that re-renders an element between finding it and reading it has not failed the condition
        // yet: look again (the desk's site cards are redrawn when the recommendation arrives).
        return new WebDriverWait(driver, timeout, Duration.ofMillis(25))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Runs JavaScript in the page and returns its result; a returned promise is awaited. */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs this JavaScript in every page loaded from now on, before the page's own scripts. */
    public void beforeEveryPage(String js) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", js));
    }

    /**
     * Makes the page's viewport exactly width×height CSS pixels, as on a TV or a phone. (A headless
     * window of that size keeps some of its height for a window frame, so its page would be smaller.)
     */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Saves a screenshot under the module's target/screenshots/, for a person to look at. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
