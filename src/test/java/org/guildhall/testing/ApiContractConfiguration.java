package org.guildhall.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Every MockMvc exchange of a test under {@code /api/} is checked against the published description. */
@TestConfiguration(proxyBeanMethods = false)
public class ApiContractConfiguration {

	@Bean
	MockMvcBuilderCustomizer apiContract() {
		return builder -> builder.alwaysDo(ApiContract::record);
	}
}
