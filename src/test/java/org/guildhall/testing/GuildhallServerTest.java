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
 * Like {@link GuildhallTest}, but on a real Tomcat at a random port, for what only a real server
 * shows: how the request line and multipart bodies are parsed, forwarded headers, cookies as sent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@ExtendWith({PostgresAvailability.class, ApiContractExtension.class})
@Tag("database")
@org.springframework.context.annotation.Import({CleanPostgresOnce.class, ApiContractConfiguration.class})
public @interface GuildhallServerTest {
}
