package org.treatmentnetwork.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.HttpHeaders;

/**
 * A real HTTP server on a random local port that stands in for one service behind the
 * gateway. It records every request and answers with canned JSON: 200 for reads, 202 for
 * writes. The request header {@code X-Test-Behaviour} changes that: {@code fail} answers
 * 500, {@code not-found} answers 404, {@code hang} never answers, {@code slow} answers
 * after {@link #SLOW_ANSWER}, {@code late} after {@link #LATE_ANSWER}, {@code stream}
 * sends a server-sent event stream of {@link #STREAM_EVENTS} events, one every
 * {@link #STREAM_INTERVAL}, {@code cacheable} adds {@code ETag} and {@code Cache-Control}
 * like the content service does, and {@code html}, {@code html-weak-csp} and
 * {@code html-strict-csp} answer an HTML page without, with a permissive, or with a
 * strict Content-Security-Policy. It can be stopped and started again on the same port to
 * play a service that is down.
 */
public final class StubService {

	/**
	 * Request header that makes the stub misbehave: {@code fail}, {@code not-found} or
	 * {@code hang}.
	 */
	public static final String BEHAVIOUR = "X-Test-Behaviour";

	/** The strict policy the {@code html-strict-csp} page carries. */
	public static final String STRICT_PAGE_POLICY = "default-src 'none'; style-src 'sha256-q1w2e3'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/** Where the gateway checks an instance's readiness. */
	public static final String READINESS_PATH = "/actuator/health/readiness";

	/** How long the {@code slow} behaviour takes to answer. */
	public static final Duration SLOW_ANSWER = Duration.ofMillis(500);

	/**
	 * How long the {@code late} behaviour takes to answer: longer than the tests' content
	 * time limit, shorter than their intake limit and than the gateway's former 10 s.
	 */
	public static final Duration LATE_ANSWER = Duration.ofMillis(3500);

	/** How many events the {@code stream} behaviour sends, one per interval. */
	public static final int STREAM_EVENTS = 3;

	/** The pause before each event of the {@code stream} behaviour. */
	public static final Duration STREAM_INTERVAL = Duration.ofMillis(1500);

	private final String name;

	private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

	private final Queue<Channel> channels = new ConcurrentLinkedQueue<>();

	private volatile DisposableServer server;

	private volatile boolean ready = true;

	private final int port;

	private StubService(String name) {
		this.name = name;
		this.server = bind(0);
		this.port = this.server.port();
	}

	/**
	 * Starts a stub service.
	 * @param name the service name, echoed in its answers
	 * @return the running service
	 */
	public static StubService start(String name) {
		return new StubService(name);
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	public void clear() {
		this.requests.clear();
	}

	/**
	 * Whether {@value #READINESS_PATH} answers {@code 200} (the default) or {@code 503}.
	 * Readiness checks are not recorded as requests.
	 * @param ready whether the stub says it is ready
	 */
	public void ready(boolean ready) {
		this.ready = ready;
	}

	/**
	 * Stops listening; connections are refused until {@link #restart()}.
	 */
	public synchronized void stop() {
		this.server.disposeNow(Duration.ofSeconds(5));
		// Keep-alive connections outlive the listening socket: close them too. Their
		// channels are tracked, not reactor-netty's per-request connection objects.
		for (Channel channel = this.channels.poll(); channel != null; channel = this.channels.poll()) {
			channel.close().awaitUninterruptibly(5000);
		}
	}

	/**
	 * Listens again on the same port.
	 */
	public synchronized void restart() {
		if (this.server.isDisposed()) {
			this.server = bind(this.port);
		}
	}

	private DisposableServer bind(int port) {
		return HttpServer.create().host("127.0.0.1").port(port).doOnConnection((connection) -> {
			Channel channel = connection.channel();
			this.channels.add(channel);
			channel.closeFuture().addListener((closed) -> this.channels.remove(channel));
		}).handle(this::handle).bindNow(Duration.ofSeconds(10));
	}

	private Mono<Void> problem(HttpServerResponse response, HttpResponseStatus status) {
		return response.status(status)
			.header("Content-Type", "application/problem+json")
			.header("X-Served-By", this.name)
			.sendString(Mono.just("{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":"
					+ status.code() + "}"))
			.then();
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			String uri = request.uri();
			int queryStart = uri.indexOf('?');
			String path = (queryStart >= 0) ? uri.substring(0, queryStart) : uri;
			String query = (queryStart >= 0) ? uri.substring(queryStart + 1) : "";
			if (READINESS_PATH.equals(path)) {
				return response.status(this.ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE)
					.header("Content-Type", "application/json")
					.sendString(Mono.just(this.ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}"))
					.then();
			}
			HttpHeaders headers = new HttpHeaders();
			request.requestHeaders().forEach((header) -> headers.add(header.getKey(), header.getValue()));
			this.requests.add(new RecordedRequest(request.method().name(), path, query, headers, body));
			String behaviour = headers.getFirst(BEHAVIOUR);
			if ("hang".equals(behaviour)) {
				return Mono.never();
			}
			if ("slow".equals(behaviour) || "late".equals(behaviour)) {
				return Mono.delay("late".equals(behaviour) ? LATE_ANSWER : SLOW_ANSWER)
					.then(response
						.status("POST".equals(request.method().name()) ? HttpResponseStatus.ACCEPTED
								: HttpResponseStatus.OK)
						.header("Content-Type", "application/json")
						.header("X-Served-By", this.name)
						.sendString(Mono.just("{\"service\":\"" + this.name + "\"}"))
						.then());
			}
			if ("fail".equals(behaviour)) {
				return problem(response, HttpResponseStatus.INTERNAL_SERVER_ERROR);
			}
			if ("not-found".equals(behaviour)) {
				return problem(response, HttpResponseStatus.NOT_FOUND);
			}
			if ("stream".equals(behaviour)) {
				Flux<String> events = Flux.interval(STREAM_INTERVAL)
					.take(STREAM_EVENTS)
					.map((tick) -> "event: alert\nid: a-" + tick + "\ndata: {\"n\":" + tick + "}\n\n");
				return response.status(HttpResponseStatus.OK)
					.header("Content-Type", "text/event-stream")
					.sendString(events)
					.then();
			}
			if (behaviour != null && behaviour.startsWith("html")) {
				if ("html-weak-csp".equals(behaviour)) {
					response.header("Content-Security-Policy", "default-src *");
				}
				if ("html-strict-csp".equals(behaviour)) {
					response.header("Content-Security-Policy", STRICT_PAGE_POLICY);
				}
				return response.status(HttpResponseStatus.OK)
					.header("Content-Type", "text/html;charset=UTF-8")
					.sendString(Mono.just("<!doctype html><title>Acknowledge</title><form method=\"post\"></form>"))
					.then();
			}
			HttpResponseStatus status = "POST".equals(request.method().name()) ? HttpResponseStatus.ACCEPTED
					: HttpResponseStatus.OK;
			if ("cacheable".equals(behaviour)) {
				response.header("ETag", "\"v1\"").header("Cache-Control", "public, max-age=300");
			}
			return response.status(status)
				.header("Content-Type", "application/json")
				.header("X-Served-By", this.name)
				.sendString(Mono.just("{\"service\":\"" + this.name + "\",\"path\":\"" + path + "\"}"))
				.then();
		});
	}

}
