package org.treatmentnetwork.gateway.fallback;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.treatmentnetwork.gateway.problems.ProblemType;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers for a route whose service is down, too slow, failing, or whose circuit is open.
 * Each answer is a 503 problem that says what to do instead; every answer is counted in
 * {@code gateway.fallbacks}, tagged by route and cause.
 */
@RestController
@RequestMapping("/fallback")
class FallbackController {

	static final String METRIC = "gateway.fallbacks";

	private static final Log logger = LogFactory.getLog(FallbackController.class);

	private final HelpProperties help;

	private final MeterRegistry meterRegistry;

	FallbackController(HelpProperties help, MeterRegistry meterRegistry) {
		this.help = help;
		this.meterRegistry = meterRegistry;
	}

	@RequestMapping("/content")
	ResponseEntity<FallbackProblem> content(ServerWebExchange exchange) {
		count(exchange, "content");
		return answer("Treatment information temporarily unavailable",
				"Treatment information cannot be shown right now. If you need help now, call our intake team at "
						+ this.help.intakePhone()
						+ " or use one of the crisis lines listed here. In an emergency or after an overdose, call 911.",
				true);
	}

	@RequestMapping("/intake")
	ResponseEntity<FallbackProblem> intake(ServerWebExchange exchange) {
		count(exchange, "intake");
		return answer("Your request could not be confirmed",
				"We could not confirm that your request reached us. Please call our intake team at "
						+ this.help.intakePhone()
						+ " instead; they can take your details by phone. If you or someone else is in danger, "
						+ "use one of the crisis lines listed here, or call 911 in an emergency.",
				true);
	}

	@RequestMapping("/alerts")
	ResponseEntity<FallbackProblem> alerts(ServerWebExchange exchange) {
		count(exchange, "alerts");
		return answer("Alerts temporarily unavailable",
				"Alerts and on-call schedules cannot be reached right now; nothing was changed. "
						+ "Please try again shortly. New contact requests remain in the intake queue.",
				false);
	}

	private ResponseEntity<FallbackProblem> answer(String title, String detail, boolean forThePublic) {
		ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
		FallbackProblem body = new FallbackProblem(type.uri(), title, type.status().value(), detail,
				forThePublic ? this.help.intakePhone() : null, forThePublic ? this.help.crisisResources() : null);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.help.retryAfter().toSeconds()))
			.body(body);
	}

	private void count(ServerWebExchange exchange, String fallback) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String routeId = (route != null) ? route.getId() : fallback;
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		String cause = cause(failure);
		logger.warn("Answering route '" + routeId + "' from its fallback (cause: " + cause
				+ ((failure != null) ? ", " + failure.getClass().getSimpleName() : "") + ")");
		Counter.builder(METRIC)
			.description("Requests answered by a fallback instead of the service")
			.tag("route", routeId)
			.tag("cause", cause)
			.register(this.meterRegistry)
			.increment();
	}

	static String cause(Throwable failure) {
		if (failure == null) {
			return "none";
		}
		if (failure instanceof CallNotPermittedException) {
			return "circuit-open";
		}
		if (failure instanceof BulkheadFullException) {
			return "overloaded";
		}
		if (isTimeout(failure)) {
			return "timeout";
		}
		if (failure instanceof ResponseStatusException || failure instanceof HttpStatusCodeException) {
			return "service-error";
		}
		if (hasCause(failure, IOException.class)) {
			return "unreachable";
		}
		return "error";
	}

	private static boolean isTimeout(Throwable failure) {
		if (hasCause(failure, TimeoutException.class)) {
			return true;
		}
		return failure instanceof ResponseStatusException statusException
				&& statusException.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

}
