package org.guildhall.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.guildhall.community.Contributions;
import org.guildhall.community.ExpertRequests;
import org.guildhall.community.NewQuestion;
import org.guildhall.community.Post;
import org.guildhall.community.PostEdit;
import org.guildhall.community.QuestionBoard;
import org.guildhall.identity.Account;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.identity.Role;
import org.guildhall.people.HrImportStatus;
import org.guildhall.people.HrImports;
import org.guildhall.programmes.EnrolmentRequest;
import org.guildhall.programmes.EnrolmentRole;
import org.guildhall.programmes.MatchingMode;
import org.guildhall.programmes.MatchingRun;
import org.guildhall.programmes.MatchingRuns;
import org.guildhall.programmes.Programme;
import org.guildhall.programmes.ProgrammeFormat;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.programmes.ProgrammeSettings;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.SignInHint;
import org.guildhall.testing.Browsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * WCAG 2.2 AA in a real browser (Debian's headless Chromium; docs/accessibility.md). The demo
 * organisation (people with skills, a programme open for enrolment, a running one with pairs in every
 * state, meetings and goals, questions, answers, articles, circles, kudos, notifications) plus what it
 * lacks: HR imports with errors and in preview, a programme matched but not published, a question sent
 * to experts and edited. Signed in as each role, the test follows the links from the home page
 * breadth first and runs axe-core (rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) on
 * every page kind it reaches, with the page's {@code <details>} opened; the header's menus open; the
 * main pages at a phone's width; and states no link reaches (forms sent empty, a failed sign-in, a
 * page that does not exist, the directory as htmx updates it). Any violation fails the test, once,
 * with the list. A second test checks that every HTML page a page controller serves was checked, and
 * a third walks sign-in, enrolment and a question with the keyboard only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"guildhall.demo.enabled=true",
		"guildhall.demo.people=400",
		"spring.datasource.url=jdbc:h2:mem:accessibility;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityBrowserTest {

	private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
	/**
	 * Pages of one kind ({@code /mentorships/{id}}, whatever the query) checked over all roles: the
	 * first role that reaches it checks it (the home page is checked for each role; pages a role sees
	 * differently, such as a programme as its manager, are in {@link #direct}).
	 */
	private static final int PER_KIND = 1;
	private static final int MAX_PAGES_PER_ROLE = 60;
	private static final Pattern NUMBER = Pattern.compile("(?<=/)\\d+(?=/|$)");
	private static final Pattern INTERNAL_NAME = Pattern.compile(
			"\\b[a-z]+(?:[A-Z][a-z0-9]+)+\\b|\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b|\\b[a-z]+(?:_[a-z0-9]+)+\\b");

	/**
	 * GET mappings of page controllers that no link leads to, each with why (they are not checked by
	 * the crawl; the meta-check fails when a mapping is neither visited nor listed here).
	 */
	private static final Map<String, String> NOT_NAVIGABLE = Map.ofEntries(
			Map.entry("/setup", "only before the first administrator exists; this world has one"),
			Map.entry("/login/second-factor", "only for an account with a second factor (SecondFactorBrowserTest)"),
			Map.entry("/reports", "an old address that redirects to /insights"),
			Map.entry("/programmes/{id}/run", "the run's progress, polled by the programme page only while a match runs"),
			Map.entry("/community/people/{id}/standing", "a part of the community page on its own, for htmx; the page renders it"),
			Map.entry("/community/people/{id}/kudos", "a part of the profile on its own, for htmx; the profile renders it"));

	@LocalServerPort
	int port;

	@Autowired
	SignInHint hint;

	@Autowired
	HrImports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MatchingRuns runs;

	@Autowired
	QuestionBoard questions;

	@Autowired
	ExpertRequests experts;

	@Autowired
	Contributions contributions;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	WebDriver browser;
	WebDriverWait wait;
	String password;
	final Map<String, String> signIns = new LinkedHashMap<>();

	/** Every violation found: rule, page and element. */
	final Set<String> violations = new TreeSet<>();
	/** Words of the code's own vocabulary seen on a page (crossDepartment, PROGRAMME_MANAGER, time_zone), with the page. */
	final Set<String> internalNames = new TreeSet<>();
	/** Paths of pages checked (as requested and as landed on). */
	final Set<String> checked = new TreeSet<>();
	final Map<String, Integer> timesByKind = new HashMap<>();
	/** Said with each violation when the window is not the desktop's. */
	String viewport = "";
	/** Pages no link reaches in this world's state, opened directly, by role. */
	final Map<String, List<String>> direct = new HashMap<>();

	@BeforeAll
	void world() {
		Matcher pw = Pattern.compile("password '([^']+)'").matcher(hint.text());
		assertThat(pw.find()).as(hint.text()).isTrue();
		password = pw.group(1);
		Matcher who = Pattern.compile("(administrator|programme manager|mentor|mentee) (\\S+@[^,\\s]+?)(?=[,.]?(\\s|$))")
			.matcher(hint.text());
		while (who.find()) {
			signIns.put(who.group(1), who.group(2));
		}
		assertThat(signIns).containsKeys("administrator", "programme manager", "mentor", "mentee");
		signIns.put("employee", jdbc.sql("""
				SELECT a.email FROM account a WHERE a.email NOT IN (:taken)
				AND NOT EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = a.id AND r.role <> 'EMPLOYEE')
				AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = a.person_id)
				ORDER BY a.id""").param("taken", List.copyOf(signIns.values())).query(String.class).list().get(0));
		// two HR imports: one with errors, one waiting in preview that would deactivate nearly everyone
		String header = "employee_id,email,full_name,title,department,location,manager,skills,mentoring,mentoring_capacity\n";
		HrImportStatus invalid = imports.uploadAndPreview("broken.csv", (header
				+ "A11Y-2,not-an-email,Kari Nordmann,Engineer,Engineering,Oslo,A11Y-1,,MENTEE,0\n").getBytes(StandardCharsets.UTF_8), "test");
		assertThat(invalid.state()).isEqualTo(HrImportStatus.State.INVALID);
		HrImportStatus preview = imports.uploadAndPreview("partial.csv", (header
				+ "A11Y-1,a11y-one@example.com,Ola Nordmann,Engineer,Engineering,Oslo,,Java:3:teach,MENTOR,1\n")
			.getBytes(StandardCharsets.UTF_8), "test");
		assertThat(preview.state()).isEqualTo(HrImportStatus.State.PREVIEWED);
		// a programme after its match, before publishing: the comparison, a proposal to move, the confirmation
		CurrentUser manager = user(signIns.get("programme manager"));
		Programme programme = programmes.create(new ProgrammeSettings("Accessibility cohort", "Check every page",
				ProgrammeFormat.ONE_TO_ONE, null, null, 12, 2, MatchingMode.BULK, ProgrammeSettings.ObjectiveChoice.OPTIMAL,
				Map.of("skills", "3"), List.of(), false), manager);
		programmes.advance(programme.id(), "open-enrolment", manager);
		List<String> volunteers = jdbc.sql("""
				SELECT a.email FROM account a WHERE a.email NOT IN (:taken) AND a.person_id IS NOT NULL ORDER BY a.id DESC""")
			.param("taken", List.copyOf(signIns.values())).query(String.class).list().subList(0, 8);
		long mentee = 0;
		for (int i = 0; i < volunteers.size(); i++) {
			boolean mentor = i % 2 == 0;
			CurrentUser volunteer = user(volunteers.get(i));
			programmes.enrol(programme.id(), new EnrolmentRequest(mentor ? EnrolmentRole.MENTOR : EnrolmentRole.MENTEE,
					mentor ? null : "Learn to build accessible pages", mentor ? 1 : 0, List.of()), volunteer);
			mentee = mentor ? mentee : volunteer.personId();
		}
		programmes.advance(programme.id(), "close-enrolment", manager);
		MatchingRun run = runs.start(programme.id(), manager);
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
			.until(() -> runs.latest(programme.id(), manager).orElseThrow().state() != MatchingRun.State.RUNNING);
		long running = jdbc.sql("SELECT id FROM programme WHERE status = 'RUNNING' ORDER BY id").query(Long.class).list().get(0);
		direct.put("programme manager", List.of("/programmes/" + programme.id(),
				"/programmes/%d/runs/%d/publish".formatted(programme.id(), run.id()),
				"/programmes/%d/move/%d".formatted(programme.id(), mentee), "/programmes/" + running + "/mentorships"));
		// the mentee asks experts directly, and edits the question (its history)
		CurrentUser asker = user(signIns.get("mentee"));
		Post question = questions.ask(new NewQuestion("How do I make a chart readable with a screen reader?",
				"The figures are in a canvas.", List.of("Java")), asker);
		experts.route(question.id(), asker);
		contributions.edit(question.id(), new PostEdit(question.title(), question.body() + " Any pointers welcome.",
				List.of("Java"), question.version()), asker);
		long mentorPerson = user(signIns.get("mentor")).personId();
		List<String> mentees = new ArrayList<>(List.of("/people/" + mentorPerson + "/mentoring",
				"/community/questions/" + question.id(), "/community/posts/%d/history".formatted(question.id())));
		experts.forQuestion(question.id(), asker).stream().findFirst().ifPresent(r -> mentees.add("/community/asked/" + r.id()));
		direct.put("mentee", mentees);
		// reached from a link in an e-mail only: the page says the link is not valid
		direct.put("employee", List.of("/password?token=not-a-token"));

		browser = Browsers.start();
		wait = Browsers.waitFor(browser, Duration.ofSeconds(20));
	}

	private CurrentUser user(String email) {
		Account account = identity.accountOf(email).orElseThrow();
		return new CurrentUser(account.id(), account.email(), account.displayName(), account.personId(),
				account.roles().stream().map(Role::name).collect(Collectors.toSet()));
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	@Order(1)
	void everyPageEachRoleReachesMeetsWcag22AA() {
		// anonymous: the sign-in page, a failed sign-in, a page that does not exist
		browser.manage().deleteAllCookies();
		// the checker itself: a picture without a text alternative is found
		browser.get(url("/login"));
		((JavascriptExecutor) browser).executeScript(
				"document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/assets/none.png\">')");
		assertThat(axe().analyze(browser).getViolations()).extracting(Rule::getId).contains("image-alt");
		// and the check for the code's own names finds them
		assertThat(List.of("crossDepartment", "PROGRAMME_MANAGER", "time_zone", "Kubernetes", "JavaScript", "e-mail", "CI/CD"))
			.filteredOn(word -> INTERNAL_NAME.matcher(word).find())
			.containsExactly("crossDepartment", "PROGRAMME_MANAGER", "time_zone");
		check("/login");
		browser.findElement(By.id("username")).sendKeys("nobody@example.com");
		browser.findElement(By.id("password")).sendKeys("wrong password");
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(d -> d.getCurrentUrl().contains("error"));
		check(null);
		check("/no-such-page");
		check("/password/forgot");

		for (var signIn : signIns.entrySet()) {
			signIn(signIn.getValue());
			menus();
			crawl(signIn.getKey());
			if (signIn.getKey().equals("employee")) {
				// the directory as htmx updates it while typing a misspelt skill (the "did you mean" notice)
				browser.get(url("/people"));
				settle();
				browser.findElement(By.id("skill")).sendKeys("Jaav");
				wait.until(d -> d.getCurrentUrl().contains("skill=Jaav"));
				check(null);
				check("/no-such-page");
				invalid("/community/questions/new");
				invalid("/community/articles/new");
				invalid("/community/circles/new");
			}
			if (signIn.getKey().equals("programme manager")) {
				invalid("/programmes/new");
			}
			if (signIn.getKey().equals("mentee")) {
				phone();
			}
			browser.manage().deleteAllCookies();
		}

		assertThat(violations).as("axe-core found %d WCAG 2.2 AA violations:%n%s", violations.size(),
				String.join(System.lineSeparator(), violations)).isEmpty();
		assertThat(internalNames).as("the code's own names on pages people read").isEmpty();
	}

	@Test
	@Order(2)
	void theCrawlReachedEveryPageThatAPageControllerServes() {
		assertThat(checked).as("the crawl ran first").isNotEmpty();
		PathPatternParser parser = new PathPatternParser();
		List<String> unchecked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			if (!mapping.getValue().getBeanType().getSimpleName().endsWith("PageController")) {
				continue;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (skipped(pattern) || NOT_NAVIGABLE.containsKey(pattern)) {
					continue;
				}
				PathPattern parsed = parser.parse(pattern);
				if (checked.stream().noneMatch(path -> parsed.matches(PathContainer.parsePath(path)))) {
					unchecked.add(pattern + " (" + mapping.getValue().getShortLogMessage() + ")");
				}
			}
		}
		assertThat(unchecked).as("pages no role reached by links and not in NOT_NAVIGABLE (with a reason)").isEmpty();
	}

	private void signIn(String email) {
		Browsers.signIn(browser, url(""), email, password);
	}

	/** Breadth first over the same-origin links, from the home page, then the pages no link reaches. */
	private void crawl(String role) {
		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		Set<String> seenKinds = new LinkedHashSet<>(List.of(kind("/")));
		int pages = 0;
		while (!queue.isEmpty() && pages < MAX_PAGES_PER_ROLE) {
			String path = queue.poll();
			if (!path.equals("/") && timesByKind.merge(kind(path), 1, Integer::sum) > PER_KIND) {
				continue;
			}
			pages++;
			check(path);
			for (String link : links()) {
				if (seenKinds.add(kind(link)) && timesByKind.getOrDefault(kind(link), 0) < PER_KIND) {
					queue.add(link);
				}
			}
		}
		for (String path : direct.getOrDefault(role, List.of())) {
			check(path);
		}
		assertThat(pages).as("pages checked as " + role).isPositive();
	}

	/** Same-origin links worth following: pages, not downloads, the API or sign-out. */
	@SuppressWarnings("unchecked")
	private List<String> links() {
		List<String> hrefs = (List<String>) ((JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll('a[href]'))
				  .filter(a => !a.hasAttribute('download'))
				  .map(a => a.href);""");
		List<String> links = new ArrayList<>();
		for (String href : hrefs) {
			URI uri;
			try {
				uri = URI.create(href);
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			if (!"localhost".equals(uri.getHost()) || uri.getPort() != port || uri.getRawPath() == null) {
				continue;
			}
			String path = uri.getRawPath();
			if (skipped(path)) {
				continue;
			}
			links.add(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
		}
		return links;
	}

	private static boolean skipped(String path) {
		return path.startsWith("/api") || path.startsWith("/swagger") || path.startsWith("/v3") || path.startsWith("/webjars")
				|| path.startsWith("/assets") || path.startsWith("/logout") || path.startsWith("/error")
				|| path.matches(".*\\.(ics|csv|pdf|json|png|svg|zip)$");
	}

	/** {@code /mentorships/12?page=2} is of kind {@code /mentorships/{id}}. */
	static String kind(String pathAndQuery) {
		int q = pathAndQuery.indexOf('?');
		return NUMBER.matcher(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q)).replaceAll("{id}");
	}

	/** Opens {@code path} (or stays, when null), opens every {@code <details>} and runs axe. */
	private void check(String path) {
		if (path != null) {
			browser.get(url(path));
			checked.add(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
		}
		settle();
		// the page's own folded sections (not the header's menus, which would cover the page: see menus())
		((JavascriptExecutor) browser).executeScript("document.querySelectorAll('main details').forEach(d => d.open = true)");
		String here = URI.create(browser.getCurrentUrl()).getRawPath();
		checked.add(here);
		// parts that htmx loaded into the page as it opened are checked with it
		@SuppressWarnings("unchecked")
		List<String> parts = (List<String>) ((JavascriptExecutor) browser).executeScript("""
				return performance.getEntriesByType('resource')
				  .filter(e => e.initiatorType === 'xmlhttprequest' || e.initiatorType === 'fetch')
				  .map(e => new URL(e.name).pathname);""");
		checked.addAll(parts);
		// the page speaks the reader's language, not the code's: no camelCase, UPPER_SNAKE or snake_case words
		// (e-mail addresses, links and code samples aside)
		String text = (String) ((JavascriptExecutor) browser).executeScript("""
				const words = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: n =>
				  n.parentElement.closest('code, pre, kbd, samp, script, style, template')
				    ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
				for (let n = walker.nextNode(); n; n = walker.nextNode()) words.push(n.nodeValue);
				return words.join(' ');""");
		for (String word : text.split("\\s+")) {
			if (!word.contains("@") && !word.contains("/") && INTERNAL_NAME.matcher(word).find()) {
				internalNames.add(kind(here) + ": " + word);
			}
		}
		Results results = axe().analyze(browser);
		if (results.isErrored()) {
			violations.add("axe-core failed on " + here + ": " + results.getErrorMessage());
		}
		for (Rule rule : results.getViolations()) {
			for (CheckedNode node : rule.getNodes()) {
				String violation = "%s on %s%s at %s: %s".formatted(rule.getId(), kind(here), viewport, node.getTarget(),
						rule.getHelp());
				if (violations.add(violation)) {
					System.out.println("axe violation: " + violation + " -- " + node.getHtml());
				}
			}
		}
	}

	/**
	 * The main pages at a phone's width (the header folds into a Menu button, tables become cards),
	 * once with the menu open.
	 */
	private void phone() {
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			viewport = " (390 px wide)";
			for (String path : List.of("/", "/people", "/programmes", "/mentorships", "/community", "/community/questions",
					"/insights/me", "/notifications")) {
				check(path);
			}
			browser.get(url("/"));
			settle();
			browser.findElement(By.cssSelector(".site-header .menu-toggle")).click();
			wait.until(d -> "true".equals(d.findElement(By.cssSelector(".site-header .menu-toggle")).getAttribute("aria-expanded")));
			viewport = " (390 px wide, menu open)";
			check(null);
		}
		finally {
			viewport = "";
			browser.manage().window().setSize(new Dimension(1280, 1000));
		}
	}

	/** The header with its menus open (Administration, the account), on the home page. */
	private void menus() {
		browser.get(url("/"));
		settle();
		((JavascriptExecutor) browser).executeScript("document.querySelectorAll('header details').forEach(d => d.open = true)");
		Results results = axe().include(".site-header").analyze(browser);
		for (Rule rule : results.getViolations()) {
			for (CheckedNode node : rule.getNodes()) {
				violations.add("%s in the open header menus at %s: %s".formatted(rule.getId(), node.getTarget(), rule.getHelp()));
			}
		}
	}

	/** axe-core with the WCAG 2.2 AA rules, answering violations only (the passes are large and slow to read). */
	private static AxeBuilder axe() {
		AxeRunOnlyOptions only = new AxeRunOnlyOptions();
		only.setType("tag");
		only.setValues(WCAG_22_AA);
		AxeRunOptions options = new AxeRunOptions();
		options.setRunOnly(only);
		options.setResultTypes(List.of("violations"));
		return new AxeBuilder().withOptions(options);
	}

	/** The form on {@code path} sent empty (the browser's own checks off), then checked with its errors. */
	private void invalid(String path) {
		browser.get(url(path));
		checked.add(path);
		((JavascriptExecutor) browser).executeScript("""
				const form = document.querySelector('main form[method=post]');
				form.noValidate = true;
				form.querySelectorAll('input[type=text], textarea').forEach(f => f.value = '');
				form.requestSubmit();""");
		settle();
		check(null);
	}

	/** The page has loaded and htmx has no request open. */
	private void settle() {
		JavascriptExecutor js = (JavascriptExecutor) browser;
		wait.until(d -> Boolean.TRUE.equals(js.executeScript("""
				return document.readyState === 'complete'
				  && document.querySelectorAll('.htmx-request, .htmx-settling, .htmx-swapping').length === 0;""")));
	}

	@Test
	@Order(3)
	void withTheKeyboardOnlyAPersonSkipsToTheContentSignsInEnrolsAndAsksAQuestion() {
		String programme = jdbc.sql("SELECT name FROM programme WHERE status = 'ENROLLING' ORDER BY id")
			.query(String.class).list().get(0);
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		// the e-mail field has the focus as the page opens
		assertThat(focused().getAttribute("id")).isEqualTo("username");
		type(signIns.get("employee"));
		press(Keys.TAB);
		assertThat(focused().getAttribute("id")).isEqualTo("password");
		type(password);
		press(Keys.ENTER);
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
		settle();

		// the first stop is the skip link, which moves the focus to the page's main content
		press(Keys.TAB);
		assertThat(focused().getAttribute("class")).contains("skip");
		assertThat(focused().getText()).isEqualTo("Skip to content");
		press(Keys.ENTER);
		wait.until(d -> "main".equals(focused().getAttribute("id")));

		// from the navigation to the open programme, and enrol as a mentee
		press(Keys.chord(Keys.SHIFT, Keys.TAB));
		tabTo(e -> e.getText().equals("Programmes"), true);
		press(Keys.ENTER);
		wait.until(d -> d.getCurrentUrl().endsWith("/programmes"));
		settle();
		tabTo(e -> e.getText().equals(programme), false);
		press(Keys.ENTER);
		wait.until(d -> d.getCurrentUrl().matches(".*/programmes/\\d+$"));
		settle();
		tabTo(e -> "radio".equals(e.getAttribute("type")) && "role".equals(e.getAttribute("name")), false);
		// arrow keys choose within a radio group
		while (!"MENTEE".equals(focused().getAttribute("value"))) {
			press(Keys.ARROW_DOWN);
		}
		assertThat(focused().isSelected()).isTrue();
		tabTo(e -> "goals".equals(e.getAttribute("id")), false);
		type("Write code that screen reader users can work with");
		tabTo(e -> e.getTagName().equals("button") && e.getText().equals("Enrol"), false);
		press(Keys.SPACE);
		wait.until(d -> d.findElement(By.id("main")).getText().contains("You are enrolled."));

		// the community: ask a question
		settle();
		tabTo(e -> e.getText().equals("Community"), false);
		press(Keys.ENTER);
		wait.until(d -> d.getCurrentUrl().endsWith("/community"));
		settle();
		tabTo(e -> e.getText().equals("Ask a question"), false);
		press(Keys.ENTER);
		wait.until(d -> d.getCurrentUrl().endsWith("/community/questions/new"));
		settle();
		tabTo(e -> "title".equals(e.getAttribute("id")), false);
		type("Which screen reader do the teams test with?");
		tabTo(e -> "topics".equals(e.getAttribute("id")), false);
		type("Java");
		tabTo(e -> "body".equals(e.getAttribute("id")), false);
		type("I would like to try our pages the way our colleagues use them.");
		tabTo(e -> e.getTagName().equals("button") && e.getText().equals("Post question"), false);
		press(Keys.ENTER);
		wait.until(d -> d.findElement(By.id("main")).getText().contains("Your question is posted."));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Which screen reader do the teams test with?");
	}

	private WebElement focused() {
		return browser.switchTo().activeElement();
	}

	private void press(CharSequence key) {
		focused().sendKeys(key);
	}

	private void type(String text) {
		focused().sendKeys(text);
	}

	/**
	 * Presses Tab (or Shift+Tab) until the focused element is the one wanted; on every stop the
	 * focus must be visible (an outline or a shadow that is not the same as without the focus).
	 */
	private void tabTo(java.util.function.Predicate<WebElement> wanted, boolean backwards) {
		for (int i = 0; i < 150; i++) {
			press(backwards ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB);
			WebElement element = focused();
			String description = element.getTagName() + " '" + element.getText() + "' on "
					+ URI.create(browser.getCurrentUrl()).getRawPath();
			assertThat(element.getTagName()).as("focus left the page at " + description).isNotEqualTo("body");
			assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("""
					const style = getComputedStyle(arguments[0]);
					const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
					return outline || style.boxShadow !== 'none';""", element))
				.as("a visible focus indicator on " + description).isTrue();
			if (wanted.test(element)) {
				return;
			}
		}
		throw new AssertionError("150 presses of Tab did not reach the element on " + browser.getCurrentUrl());
	}
}
