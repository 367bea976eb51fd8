package org.guildhall.community.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the posting rate limit in front of the community's pages and API. */
@Configuration(proxyBeanMethods = false)
class CommunityWebConfiguration implements WebMvcConfigurer {

	private final PostingRateLimit rateLimit;

	CommunityWebConfiguration(PostingRateLimit rateLimit) {
		this.rateLimit = rateLimit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(rateLimit).addPathPatterns("/community/**", "/api/v1/community/**");
	}
}
