package org.guildhall.identity.internal;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in the database: a new session attribute is written with an upsert, not a plain
 * insert. Two requests of one session that both add the same attribute (two tabs opened at once
 * right after signing in both create the form token) would otherwise collide on the attributes'
 * primary key and one of them would fail with an error page.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	private static final String H2_UPSERT = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpserts(DataSource dataSource)
			throws MetaDataAccessException {
		String database = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
		if ("PostgreSQL".equals(database)) {
			return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		}
		if ("H2".equals(database)) {
			return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
		}
		return repository -> {
		};
	}
}
