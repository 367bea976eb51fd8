package org.guildhall;

import java.util.Arrays;

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
		if (args.length > 0 && !args[0].startsWith("-")) {
			String[] rest = Arrays.copyOfRange(args, 1, args.length);
			switch (args[0]) {
				case "match" -> System.exit(org.guildhall.matching.cli.MatchCommand.run(rest));
				case "generate" -> System.exit(org.guildhall.demo.GenerateCommand.run(rest));
				default -> {
					System.err.println("Unknown command '" + args[0] + "'. Commands: match, generate (or none to start the server).");
					System.exit(2);
				}
			}
		}
		SpringApplication.run(GuildhallApplication.class, args);
	}
}
