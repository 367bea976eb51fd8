package org.guildhall;

import java.lang.reflect.Method;

import org.guildhall.shared.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * What an event listener's failure logs. Listeners run after their event's transaction, and a
 * failed one is delivered again from the event publication log (see {@code EventPublicationRetry}),
 * so a failure that passes by itself (the database away, a lock held longer than the database
 * waits) is one warning line; anything else is an ERROR with its stack trace.
 */
@Configuration(proxyBeanMethods = false)
class ListenerFailures implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return ListenerFailures::failed;
	}

	static void failed(Throwable failure, Method method, Object... params) {
		String listener = method.getDeclaringClass().getSimpleName() + "." + method.getName();
		if (passes(failure)) {
			log.warn("{} failed and will be delivered again: {}", listener, DatabaseOutage.rootMessage(failure));
		}
		else {
			log.error("Unexpected error in {}", listener, failure);
		}
	}

	static boolean passes(Throwable failure) {
		return DatabaseOutage.isOutage(failure) || failure instanceof PessimisticLockingFailureException
				|| failure instanceof QueryTimeoutException;
	}
}
