package org.guildhall.community.web;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.guildhall.shared.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits how fast one person can create questions, answers, comments, articles and kudos
 * ({@code guildhall.community.posts-per-minute}, 10 by default), in pages and API alike. Buckets
 * live in this node's memory, so behind a load balancer the limit applies per node.
 */
@Component
class PostingRateLimit implements HandlerInterceptor {

	private static final int MAX_KEYS = 100_000;

	private final int perMinute;
	private final Map<Long, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Bucket> eldest) {
			return size() > MAX_KEYS;
		}
	});

	PostingRateLimit(@Value("${guildhall.community.posts-per-minute:10}") int perMinute) {
		if (perMinute < 1) {
			throw new IllegalStateException("guildhall.community.posts-per-minute must be at least 1, was " + perMinute);
		}
		this.perMinute = perMinute;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(RateLimitedPosting.class)) {
			CurrentUser.get().ifPresent(user -> {
				Bucket bucket = buckets.computeIfAbsent(user.accountId(), id -> Bucket.builder()
					.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
					.build());
				ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
				if (!probe.isConsumed()) {
					throw new PostingTooFast(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
				}
			});
		}
		return true;
	}
}
