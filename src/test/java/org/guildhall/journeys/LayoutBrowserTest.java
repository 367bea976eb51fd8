package org.guildhall.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.testing.Browsers;
import org.guildhall.testing.TestOrganisation;
import org.guildhall.testing.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The page frame as people see it on a laptop and on a phone: the header fits on one line at
 * 1366 px (with the administrator's extra menu and a long name); on a phone its links fold into a
 * menu button, and tables become one card per row, each value labelled, with nothing wider than
 * the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Tag("browser")
class LayoutBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	WebDriver browser;
	WebDriverWait wait;
	TestOrganisation org;

	@BeforeEach
	void start() {
		org = TestOrganisation.create(imports, identity, directory);
		browser = Browsers.start();
		wait = Browsers.waitFor(browser, Duration.ofSeconds(10));
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	@Test
	void onALaptopTheHeaderIsOneLineAndTheMenusOpenOnClick() throws Exception {
		browser.manage().window().setSize(new Dimension(1366, 900));
		Browsers.signIn(browser, base(), org.admin().email(), TestOrganisation.PASSWORD);
		browser.get(base() + "/people");

		List<WebElement> items = browser.findElements(By.cssSelector(".site-header .brand, .site-menu .primary > li, .site-menu .secondary > li"));
		assertThat(items).hasSizeGreaterThanOrEqualTo(10);
		assertThat(items).allMatch(WebElement::isDisplayed);
		long top = items.get(0).getRect().getY() + items.get(0).getRect().getHeight() / 2;
		assertThat(items).as("every header item on the brand's line").allSatisfy(item -> assertThat(
				Math.abs(item.getRect().getY() + item.getRect().getHeight() / 2 - top)).isLessThanOrEqualTo(6));
		assertThat(browser.findElement(By.cssSelector(".site-header")).getRect().getHeight()).isLessThan(70);
		assertThat(browser.findElement(By.cssSelector(".menu-toggle")).isDisplayed()).isFalse();

		WebElement admin = browser.findElement(By.xpath("//summary[normalize-space()='Administration']"));
		WebElement imports = browser.findElement(By.cssSelector(".site-menu a[href='/admin/imports']"));
		assertThat(imports.isDisplayed()).isFalse();
		admin.click();
		wait.until(d -> imports.isDisplayed());
		Browsers.screenshot(browser, "header-1366-admin-menu");
		imports.click();
		wait.until(d -> d.getCurrentUrl().endsWith("/admin/imports"));
		assertThat(browser.findElement(By.cssSelector("summary.current")).getText()).isEqualTo("Administration");
	}

	@Test
	void onAPhoneTheLinksFoldIntoAMenuAndTablesBecomeCards() throws Exception {
		browser.manage().window().setSize(new Dimension(390, 844));
		Browsers.signIn(browser, base(), org.ann().email(), TestOrganisation.PASSWORD);
		browser.get(base() + "/people");
		wait.until(d -> !d.findElements(By.cssSelector("#results table.as-cards")).isEmpty());

		WebElement toggle = browser.findElement(By.cssSelector(".menu-toggle"));
		WebElement programmes = browser.findElement(By.cssSelector(".site-menu a[href='/programmes']"));
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(programmes.isDisplayed()).as("folded away").isFalse();
		assertThat(browser.findElement(By.cssSelector(".site-header")).getRect().getHeight()).isLessThan(80);

		WebElement row = browser.findElement(By.cssSelector("#results tbody tr"));
		assertThat(js("return getComputedStyle(arguments[0]).display", row)).isEqualTo("block");
		WebElement firstCell = row.findElement(By.tagName("td"));
		assertThat(firstCell.getAttribute("data-label")).isEqualTo(
				browser.findElement(By.cssSelector("#results thead th")).getAttribute("textContent").strip());
		assertThat(js("return getComputedStyle(arguments[0], '::before').content", firstCell)).asString().isNotEqualTo("none");
		assertThat((Long) js("return document.documentElement.scrollWidth")).as("nothing wider than the phone")
			.isLessThanOrEqualTo((Long) js("return window.innerWidth"));
		Browsers.screenshot(browser, "phone-directory");

		toggle.click();
		wait.until(d -> programmes.isDisplayed());
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		Browsers.screenshot(browser, "phone-menu-open");
		programmes.click();
		wait.until(d -> d.getCurrentUrl().endsWith("/programmes"));
		assertThat(browser.findElement(By.cssSelector(".site-menu a[href='/programmes']")).isDisplayed()).as("folded again on the next page").isFalse();
		assertThat((Long) js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo((Long) js("return window.innerWidth"));

		Browsers.signOut(browser);
		wait.until(d -> d.getCurrentUrl().contains("/login"));
	}
}
