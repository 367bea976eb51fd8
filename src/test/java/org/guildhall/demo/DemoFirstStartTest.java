package org.guildhall.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.guildhall.GuildhallApplication;
import org.guildhall.testing.Browserless;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * First start as a person sees it: the server answers while the demo is still being seeded. The
 * application is started on a thread of its own, and the demo is held at the step that creates the
 * accounts (or made to fail there) while the test reads the sign-in page.
 */
class DemoFirstStartTest {

	// static: the application creates the held setup, not the test
	private static volatile CountDownLatch reached = new CountDownLatch(1);
	private static volatile CountDownLatch release = new CountDownLatch(1);
	private static volatile boolean failThere;
	private static final int PEOPLE = 60;

	private final AtomicInteger port = new AtomicInteger();
	private final ExecutorService starter = Executors.newSingleThreadExecutor();

	@BeforeEach
	void hold() {
		reached = new CountDownLatch(1);
		release = new CountDownLatch(1);
		failThere = false;
	}

	@AfterEach
	void stop() {
		release.countDown();
		starter.shutdown();
	}

	@Test
	void theSignInPageSaysTheDemoIsStillBeingSetUpUntilItIsReady() throws Exception {
		Future<ConfigurableApplicationContext> started = start("demo-first-start");
		assertThat(reached.await(3, TimeUnit.MINUTES)).as("the demo reached the accounts step").isTrue();
		Browserless browser = new Browserless(port.get());

		HttpResponse<String> loading = browser.get("/login");
		assertThat(loading.body()).contains("The demo organisation is still being set up (step: creating ")
			.contains("accounts). You can sign in once it is ready \u2014 this page refreshes itself.")
			.doesNotContain("guildhall-demo");
		assertThat(loading.headers().firstValue("Refresh")).as("refreshes without JavaScript").hasValue("5; url=/login");

		// the chief executive, who will have an account in a moment: not a wrong password, just too early
		String ceo = new OrganisationGenerator().generate(PEOPLE, 42, LocalDate.now(ZoneOffset.UTC), Writer.nullWriter())
			.chiefExecutive().email();
		HttpResponse<String> attempt = browser.signIn(ceo, DemoOrganisation.PASSWORD);
		assertThat(attempt.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		String afterAttempt = browser.get("/login?error").body();
		assertThat(afterAttempt).contains("the accounts are still").contains("no password works yet")
			.doesNotContain("do not match an active account");

		release.countDown();
		try (ConfigurableApplicationContext context = started.get(5, TimeUnit.MINUTES)) {
			HttpResponse<String> ready = browser.get("/login");
			assertThat(ready.body()).contains("Demo: sign in with password &#39;guildhall-demo&#39; as administrator ")
				.doesNotContain("still being set up");
			assertThat(ready.headers().firstValue("Refresh")).isEmpty();
			assertThat(context.getBean(DemoOrganisation.class).organisation().chiefExecutive().email()).isEqualTo(ceo);
			assertThat(browser.signIn(ceo, DemoOrganisation.PASSWORD).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		}
	}

	@Test
	void whenSeedingFailsTheSignInPageSaysWhereAndStopsRefreshing() throws Exception {
		failThere = true;
		try (ConfigurableApplicationContext context = start("demo-first-start-failed").get(5, TimeUnit.MINUTES)) {
			HttpResponse<String> failed = new Browserless(port.get()).get("/login");
			assertThat(failed.body()).contains("The demo organisation could not be set up: it stopped while creating ")
				.contains("The server log says why").doesNotContain("still being set up").doesNotContain("guildhall-demo");
			assertThat(failed.headers().firstValue("Refresh")).isEmpty();
		}
	}

	private Future<ConfigurableApplicationContext> start(String database) {
		return starter.submit(() -> new SpringApplicationBuilder(GuildhallApplication.class, Holding.class)
			.profiles("test")
			.listeners(new ApplicationListener<WebServerInitializedEvent>() {
				@Override
				public void onApplicationEvent(WebServerInitializedEvent event) {
					port.set(event.getWebServer().getPort());
				}
			})
			// as arguments: they win over the test profile's file, which switches the demo off
			.run("--guildhall.demo.enabled=true", "--guildhall.demo.people=" + PEOPLE, "--guildhall.demo.history=false",
					"--server.port=0", "--spring.main.allow-bean-definition-overriding=true",
					"--spring.datasource.url=jdbc:h2:mem:" + database
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
	}

	/** Not a component (the application's scan must not find it): a source of the test's application only. */
	static class Holding {

		@Bean
		DemoSetup demoSetup() {
			return new DemoSetup() {
				@Override
				void step(String step) {
					super.step(step);
					if (!step.startsWith("creating")) {
						return;
					}
					if (failThere) {
						throw new IllegalStateException("accounts could not be created (test)");
					}
					reached.countDown();
					try {
						release.await(5, TimeUnit.MINUTES);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				}
			};
		}
	}
}
