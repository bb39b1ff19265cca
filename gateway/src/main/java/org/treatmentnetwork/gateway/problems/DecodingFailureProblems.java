package org.treatmentnetwork.gateway.problems;

import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * Gives a problem body to the refusals sent before any filter runs: a request line longer
 * than the server reads ({@code 414}), request headers larger than
 * {@code server.max-http-request-header-size} ({@code 431}), and a request line that
 * cannot be read as an address at all ({@code 400}: for example a raw {@code \} or a
 * malformed percent-encoding such as {@code %G1}, which Reactor Netty or Spring's adapter
 * refuse before the gateway's own check of the path). Netty answers those with an empty
 * body and closes the connection; a handler just behind the HTTP codec fills in the same
 * {@code application/problem+json} body as the gateway's other refusals. It is added only
 * where the connection starts with that codec: plain HTTP/1.1, which is what the gateway
 * serves (TLS ends in front of it). Over h2c or HTTP/2 these answers would keep their
 * empty body.
 */
@Configuration(proxyBeanMethods = false)
class DecodingFailureProblems {

	/** The handler's name in each connection's pipeline. */
	static final String HANDLER_NAME = "treatmentNetworkProblemBodies";

	@Bean
	NettyServerCustomizer decodingFailureProblemBodies(JsonMapper jsonMapper) {
		ProblemBodies handler = new ProblemBodies(Map.of(ProblemType.BAD_REQUEST.status().value(),
				body(jsonMapper, ProblemType.BAD_REQUEST), ProblemType.URI_TOO_LONG.status().value(),
				body(jsonMapper, ProblemType.URI_TOO_LONG), ProblemType.HEADERS_TOO_LARGE.status().value(),
				body(jsonMapper, ProblemType.HEADERS_TOO_LARGE)));
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, handler);
			}
		});
	}

	private static byte[] body(JsonMapper jsonMapper, ProblemType type) {
		return jsonMapper.writeValueAsBytes(type.problem());
	}

	/**
	 * Replaces a complete answer ({@link FullHttpResponse}) with an empty body and one of
	 * the given statuses by the same answer with its problem body. Such an answer is
	 * Netty's own refusal, or a service's equally empty one passed on; both get the body.
	 */
	@ChannelHandler.Sharable
	static final class ProblemBodies extends ChannelOutboundHandlerAdapter {

		private final Map<Integer, byte[]> bodies;

		ProblemBodies(Map<Integer, byte[]> bodies) {
			this.bodies = Map.copyOf(bodies);
		}

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
			if (message instanceof FullHttpResponse response && !response.content().isReadable()) {
				byte[] body = this.bodies.get(response.status().code());
				if (body != null) {
					FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
					response.release();
					withBody.headers()
						.remove(HttpHeaderNames.CONTENT_ENCODING)
						.remove(HttpHeaderNames.TRANSFER_ENCODING)
						.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
						.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
						.set("X-Content-Type-Options", "nosniff");
					context.write(withBody, promise);
					return;
				}
			}
			context.write(message, promise);
		}

	}

}
