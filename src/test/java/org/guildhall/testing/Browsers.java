package org.guildhall.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for browser tests (never a downloaded browser). Skipped where it is
 * not installed, a failure on CI, which must install it (see .ci/run).
 */
public final class Browsers {

	/** Writes what the browser shows to {@code target/screenshots/<name>.png} (for people to look at; no test reads it). */
	public static void screenshot(WebDriver browser, String name) throws java.io.IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"),
				((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
	}

	/**
	 * A wait that tries again when the element it read was replaced meanwhile (a page load or an
	 * htmx swap between finding an element and reading it), instead of failing on the race.
	 */
	/**
	 * A screenshot the README shows: the whole page (up to 2,400 px high) at 1280 px wide, written to
	 * {@code docs/screenshots/<name>.png} by every browser test run, so the pictures never go stale,
	 * and to {@code target/screenshots}. The window is put back as it was.
	 */
	public static void readmeScreenshot(WebDriver browser, String name) throws java.io.IOException {
		org.openqa.selenium.Dimension before = browser.manage().window().getSize();
		long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollHeight");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 140, 2400)));
		try {
			byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
			for (Path dir : java.util.List.of(Path.of("docs", "screenshots"), Path.of("target", "screenshots"))) {
				Files.createDirectories(dir);
				Files.write(dir.resolve(name + ".png"), png);
			}
		}
		finally {
			browser.manage().window().setSize(before);
		}
	}

	public static org.openqa.selenium.support.ui.WebDriverWait waitFor(WebDriver browser, java.time.Duration timeout) {
		org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, timeout);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/** Signs in on the sign-in page at {@code base} and waits for the page that follows. */
	public static void signIn(WebDriver browser, String base, String email, String password) {
		browser.get(base + "/login");
		browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(email);
		browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
		browser.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
		waitFor(browser, java.time.Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	/** Signs out with the button in the header's account menu (opening the menu first, as a person would). */
	public static void signOut(WebDriver browser) {
		var account = browser.findElements(org.openqa.selenium.By.cssSelector(".site-header details.account"));
		if (!account.isEmpty() && account.get(0).getAttribute("open") == null) {
			var toggle = browser.findElements(org.openqa.selenium.By.cssSelector(".site-header .menu-toggle"));
			if (!toggle.isEmpty() && toggle.get(0).isDisplayed() && "false".equals(toggle.get(0).getAttribute("aria-expanded"))) {
				toggle.get(0).click();
			}
			account.get(0).findElement(org.openqa.selenium.By.tagName("summary")).click();
		}
		browser.findElements(org.openqa.selenium.By.xpath("//header//button[normalize-space()='Sign out']")).stream()
			.filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElseThrow().click();
	}

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Browsers() {
	}

	public static WebDriver start() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
		}
		Assumptions.assumeTrue(installed, "Chromium is not installed here: apt-get install -y chromium chromium-driver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,1000");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort().build();
		return new ChromeDriver(service, options);
	}
}
