package org.treatmentnetwork.gateway.limits;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.treatmentnetwork.gateway.fallback.HelpProperties;
import org.treatmentnetwork.gateway.paths.RequestPaths;
import org.treatmentnetwork.gateway.problems.ProblemType;
import org.treatmentnetwork.gateway.problems.ProblemWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses intake request bodies over the limit (16 KiB) with {@code 413}. The bytes are
 * counted as they arrive, whether the body declares a {@code Content-Length} or comes in
 * chunks, and the body is held (never more than the limit) until it is complete, so the
 * service never receives a truncated request. An oversized body is read and discarded up
 * to 1 MiB, so that the client can read the answer instead of seeing a reset; a declared
 * length over 1 MiB is refused at once, and beyond 1 MiB the connection is closed. The
 * path is matched as routing matches it ({@link RequestPaths}).
 */
final class IntakeBodySizeWebFilter implements WebFilter, Ordered {

	/** How much of an oversized chunked body is read and discarded before answering. */
	private static final long DRAIN_LIMIT = 1024 * 1024;

	private final int maxBytes;

	private final HelpProperties help;

	private final ProblemWriter problemWriter;

	private final Counter rejected;

	IntakeBodySizeWebFilter(DataSize maxBodySize, HelpProperties help, ProblemWriter problemWriter,
			MeterRegistry meterRegistry) {
		this.maxBytes = Math.toIntExact(maxBodySize.toBytes());
		this.help = help;
		this.problemWriter = problemWriter;
		this.rejected = LimitsConfiguration.rejectedCounter(meterRegistry, "body-size");
	}

	@Override
	public int getOrder() {
		return LimitsConfiguration.BODY_SIZE_ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!RequestPaths.matches(RequestPaths.INTAKE, request) || !hasBody(request)) {
			return chain.filter(exchange);
		}
		if (request.getHeaders().getContentLength() > DRAIN_LIMIT) {
			return tooLarge(exchange, true);
		}
		BodyCollector collector = new BodyCollector(this.maxBytes);
		return request.getBody()
			.doOnNext(collector::add)
			// read (and discard) a little past the limit, so the client gets the answer
			// instead of a reset; beyond that the connection is closed
			.takeUntil((buffer) -> collector.total() > DRAIN_LIMIT)
			.then(Mono.fromSupplier(collector::result))
			.flatMap((body) -> body.isPresent() ? chain.filter(withBody(exchange, body.get()))
					: tooLarge(exchange, collector.total() > DRAIN_LIMIT));
	}

	private static boolean hasBody(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

	private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				// a fresh buffer per subscription: the routing filter releases what it
				// sends
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
		return exchange.mutate().request(request).build();
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange, boolean bodyLeftUnread) {
		this.rejected.increment();
		if (bodyLeftUnread) {
			exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
		}
		ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
		long kib = this.maxBytes / 1024;
		HelpProblem problem = new HelpProblem(type.uri(), type.title(), type.status().value(),
				"The request is larger than " + kib + " KiB and was not sent. Please shorten the message and "
						+ "try again, or call our intake team at " + this.help.intakePhone()
						+ ". If you or someone else is in danger, use one of the crisis lines listed here, "
						+ "or call 911 in an emergency.",
				this.help.intakePhone(), this.help.crisisResources());
		return this.problemWriter.write(exchange, type.status(), problem);
	}

	/**
	 * Copies a body up to the limit and counts everything, releasing each buffer as it
	 * arrives.
	 */
	private static final class BodyCollector {

		private final int maxBytes;

		private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private long total;

		BodyCollector(int maxBytes) {
			this.maxBytes = maxBytes;
		}

		void add(DataBuffer buffer) {
			try {
				int readable = buffer.readableByteCount();
				this.total += readable;
				if (this.bytes != null && this.total <= this.maxBytes) {
					byte[] chunk = new byte[readable];
					buffer.read(chunk);
					this.bytes.writeBytes(chunk);
				}
				else {
					this.bytes = null;
				}
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		long total() {
			return this.total;
		}

		/**
		 * The complete body, or empty when it was over the limit.
		 * @return the body
		 */
		Optional<byte[]> result() {
			return (this.bytes != null) ? Optional.of(this.bytes.toByteArray()) : Optional.empty();
		}

	}

}
