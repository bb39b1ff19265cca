package org.treatmentnetwork.gateway.tracing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.treatmentnetwork.gateway.paths.RequestPaths;
import org.treatmentnetwork.servicedefaults.tracing.RequestTraces;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Gives every request a request id and an access-log line, before anything else runs.
 * <ul>
 * <li>The trace context is Micrometer Tracing's: the server observation of each request
 * continues a valid incoming {@code traceparent} or starts a new trace, and the gateway's
 * HTTP client sends the services a {@code traceparent} of its own span, so the services,
 * the intake outbox, the Kafka record and the page carry the same trace id.</li>
 * <li>The request id is that trace id. It is sent to the services as {@code X-Request-Id}
 * (replacing whatever a client sent) and returned to the client in {@code X-Request-Id},
 * so a caller can quote it.</li>
 * <li>One access-log line per request (logger
 * {@code org.treatmentnetwork.gateway.access}): method, path without query string,
 * status, duration and request id. No query strings, bodies, headers, tokens or client
 * addresses; the secret part of one-click alert links is masked, and a path not in
 * canonical form is not logged at all.</li>
 * </ul>
 */
@Component
public class RequestTracingWebFilter implements WebFilter, Ordered {

	/** The request id header, to the services and back to the client. */
	public static final String REQUEST_ID = "X-Request-Id";

	/** Exchange attribute holding the request id. */
	public static final String REQUEST_ID_ATTRIBUTE = RequestTracingWebFilter.class.getName() + ".requestId";

	private static final String CLIENT_GONE_ATTRIBUTE = RequestTracingWebFilter.class.getName() + ".clientGone";

	private static final Log accessLog = LogFactory.getLog("org.treatmentnetwork.gateway.access");

	private static final String ACK_LINK_PREFIX = "/api/alerts/ack/";

	private static final String NON_CANONICAL_PATH = "[non-canonical path]";

	private static final int MAX_LOGGED_PATH = 200;

	private static final HexFormat HEX = HexFormat.of();

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		String traceId = traceId(exchange);
		exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, traceId);
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(REQUEST_ID, traceId);
			return Mono.empty();
		});
		ServerWebExchange identified = exchange.mutate()
			.request((builder) -> builder.headers((headers) -> headers.set(REQUEST_ID, traceId)))
			.build();
		return chain.filter(identified).doOnError((ex) -> {
			if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
				exchange.getAttributes().put(CLIENT_GONE_ATTRIBUTE, Boolean.TRUE);
			}
		}).doFinally((signal) -> log(exchange, traceId, start, signal));
	}

	/**
	 * The trace id of the request's server observation, which runs around every filter.
	 * Only with tracing switched off ({@code management.tracing.enabled=false}) is there
	 * none; the request then gets a random id of the same form.
	 */
	private static String traceId(ServerWebExchange exchange) {
		String traceId = RequestTraces.traceId(exchange.getAttributes());
		return (traceId != null) ? traceId : randomTraceId();
	}

	private void log(ServerWebExchange exchange, String requestId, long start, SignalType signal) {
		// probes and scrapes on the management port would drown the log
		if (!accessLog.isInfoEnabled()
				|| WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), "management")) {
			return;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		// cancelled: the client went away (or was cut off) before the answer
		boolean cancelled = signal == SignalType.CANCEL || exchange.getAttribute(CLIENT_GONE_ATTRIBUTE) != null;
		String outcome = cancelled ? "cancelled" : String.valueOf((status != null) ? status.value() : 200);
		long millis = (System.nanoTime() - start) / 1_000_000;
		accessLog.info(exchange.getRequest().getMethod().name() + " " + loggedPath(exchange.getRequest()) + " "
				+ outcome + " " + millis + "ms request_id=" + requestId);
	}

	/**
	 * The path as logged: no query string, one-click link tokens masked, length capped.
	 * Whether a path is a one-click link is decided as routing decides it
	 * ({@link RequestPaths}). A path not in canonical form (refused with {@code 400}
	 * before anything else) is logged as {@code [non-canonical path]}, since no mask
	 * could be sure to recognise a secret in it.
	 * @param request the request
	 * @return the path to log
	 */
	public static String loggedPath(ServerHttpRequest request) {
		String path = request.getPath().value();
		if (!RequestPaths.isCanonical(path)) {
			return NON_CANONICAL_PATH;
		}
		if (RequestPaths.matches(RequestPaths.ACK_LINKS, request) && path.startsWith(ACK_LINK_PREFIX)) {
			int tokenEnd = path.indexOf('/', ACK_LINK_PREFIX.length());
			path = ACK_LINK_PREFIX + "{token}" + ((tokenEnd >= 0) ? path.substring(tokenEnd) : "");
		}
		return (path.length() > MAX_LOGGED_PATH) ? path.substring(0, MAX_LOGGED_PATH) + "..." : path;
	}

	// Request ids need to be unique, not secret: ThreadLocalRandom needs no lock on the
	// event loop, unlike a shared SecureRandom.
	private static String randomTraceId() {
		byte[] value = new byte[16];
		ThreadLocalRandom.current().nextBytes(value);
		return HEX.formatHex(value);
	}

}
