package org.guildhall.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API and its personal-access-token authentication for /v3/api-docs and Swagger UI. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI guildhallOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Guildhall API").version("v1")
				.description("Mentoring and social learning. Authenticate with a personal access token "
						+ "(created on your profile page) sent as 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details."))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Personal access token")));
	}
}
