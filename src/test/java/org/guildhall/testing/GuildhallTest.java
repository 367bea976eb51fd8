package org.guildhall.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application on a real database: H2 by default, PostgreSQL on the second
 * run. Tests create their own data (the demo organisation is off) with unique e-mails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles(resolver = TestProfiles.class)
@ExtendWith({PostgresAvailability.class, ApiContractExtension.class})
@Tag("database")
@org.springframework.context.annotation.Import({CleanPostgresOnce.class, ApiContractConfiguration.class})
public @interface GuildhallTest {
}
