package org.guildhall.people;

import java.util.Arrays;

import org.guildhall.GuildhallApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Guildhall node for {@link HrImportKilledNodeTest}, run in its own JVM: starts the
 * application with the given arguments and applies the import whose id comes first.
 */
public final class ApplyingNode {

	private ApplyingNode() {
	}

	public static void main(String[] args) {
		long id = Long.parseLong(args[0]);
		ConfigurableApplicationContext app = SpringApplication.run(GuildhallApplication.class,
				Arrays.copyOfRange(args, 1, args.length));
		System.out.println("ApplyingNode: started, applying HR import " + id);
		HrImportStatus status = app.getBean(HrImports.class).applyNow(id);
		System.out.println("ApplyingNode: HR import " + id + " is " + status.state());
		app.close();
		System.exit(0);
	}
}
