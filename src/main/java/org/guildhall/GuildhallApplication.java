package org.guildhall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Guildhall: mentoring and social learning inside an organisation.
 *
 * <p>Without arguments it starts the web application. The first argument may name a command that
 * runs without the web server:
 * <ul>
 *   <li>{@code match} — the matching engine on a problem file (see {@code docs/matching.md});</li>
 *   <li>{@code generate} — a seeded demo organisation as an HR CSV file (see {@code docs/hr-import.md}).</li>
 * </ul>
 */
@SpringBootApplication
@EnableAsync
public class GuildhallApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("match")) {
			System.exit(org.guildhall.matching.cli.MatchCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(GuildhallApplication.class, args);
	}
}
