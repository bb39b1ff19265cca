package org.treatmentnetwork.gateway.problems;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes {@code application/problem+json} responses from places that have no message
 * writers at hand: web filters, security handlers and the error handler.
 */
@Component
public class ProblemWriter {

	private final JsonMapper jsonMapper;

	ProblemWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Completes the exchange with a problem response.
	 * @param exchange the exchange to answer
	 * @param problem the problem to send; its status becomes the response status
	 * @return completion of the write
	 */
	public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
		return write(exchange, HttpStatusCode.valueOf(problem.status()), problem);
	}

	/**
	 * Completes the exchange with a problem response whose body has more members than
	 * {@link Problem} (for example the crisis lines).
	 * @param exchange the exchange to answer
	 * @param status the response status
	 * @param problem the problem body, serialized as JSON
	 * @return completion of the write
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, Object problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().remove("Content-Length");
		return response.writeWith(Mono.fromSupplier(() -> toBuffer(response, problem)));
	}

	private DataBuffer toBuffer(ServerHttpResponse response, Object problem) {
		return response.bufferFactory().wrap(this.jsonMapper.writeValueAsBytes(problem));
	}

}
