package dev.gigstream.api.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A real headless Chromium driven through Selenium with Debian's {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/run}); the driver is never downloaded. A machine with
 * its own Chrome and matching driver names them in {@code GIGSTREAM_TEST_CHROMIUM} and
 * {@code GIGSTREAM_TEST_CHROMEDRIVER} (the GitHub workflow does). Without them the test is skipped, visibly. Register as an extension: after each test the browser closes, and when
 * the test failed a screenshot and the page source are kept under {@code target/browser/} first.
 */
public final class Browser implements AfterEachCallback {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GIGSTREAM_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("GIGSTREAM_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private WebDriver driver;
    private Path profile;

    public WebDriver driver() {
        if (driver == null) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                    "browser test skipped: no " + CHROMIUM + " and " + CHROMEDRIVER
                            + " (.ci/run installs Debian's chromium and chromium-driver)");
            try {
                profile = Files.createTempDirectory("gigstream-chromium");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // the flags keep Chromium from calling outside (this machine's network is closed) and fit a laptop screen
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                    "--window-size=1440,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
        }
        return driver;
    }

    public WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    public WebElement await(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Clicks the element once it shows, finding it again if the page replaced it meanwhile. */
    public void click(String css) {
        until(d -> {
            await(css).click();
            return Boolean.TRUE;
        });
    }

    public void awaitGone(String css) {
        until(d -> d.findElements(By.cssSelector(css)).isEmpty() ? Boolean.TRUE : null);
    }

    public <T> T until(ExpectedCondition<T> condition) {
        // the page re-renders its lists (live numbers, refreshes): an element found a moment ago may be replaced
        return new WebDriverWait(driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (context.getExecutionException().isPresent() && driver != null) {
                keepEvidence(context);
            }
        } finally {
            if (driver != null) {
                driver.quit();
                driver = null;
            }
        }
    }

    private void keepEvidence(ExtensionContext context) throws IOException {
        Path target = Path.of("target", "browser");
        Files.createDirectories(target);
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        File screenshot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(screenshot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(target.resolve(name + ".html"), driver.getPageSource());
    }
}
