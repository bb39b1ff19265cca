package org.treatmentnetwork.gateway.limits;

import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.MediaType;

/**
 * The deadlines of one connection for receiving a request: its headers within
 * {@code headers} of their first byte, its declared body within {@code body} of the end
 * of the headers. A client that trickles either, however steadily, is answered
 * {@code 408} with a problem body and the connection is closed; when an answer is already
 * on its way, the connection is only closed.
 * <p>
 * Two handlers share the state: {@link #bytes()} sits in front of the HTTP codec and sees
 * the first bytes of a request arrive; {@link #messages()} sits behind it and sees the
 * decoded headers, the end of the body, and the answers going out. Between requests
 * nothing runs, so a keep-alive connection waiting for its next request is governed by
 * the idle timeout ({@code server.netty.idle-timeout}) alone. Answers, such as the staff
 * screens' event stream, are never cut: the deadlines concern what the client sends.
 * Everything runs on the connection's event loop.
 */
final class RequestDeadlines {

	/** How long the connection is still read (and discarded) after the {@code 408}. */
	static final Duration LINGER = Duration.ofSeconds(1);

	private static final Log logger = LogFactory.getLog(RequestDeadlines.class);

	private final Duration headersDeadline;

	private final Duration bodyDeadline;

	private final byte[] problem;

	private final Counter headersTooSlow;

	private final Counter bodyTooSlow;

	private final Bytes bytes = new Bytes();

	private final Messages messages = new Messages();

	private ChannelHandlerContext messagesContext;

	private ScheduledFuture<?> headersTimer;

	private ScheduledFuture<?> bodyTimer;

	private boolean decodedDuringRead;

	private boolean readingBody;

	/** Requests whose headers were decoded. */
	private long requests;

	/** Final answers (not {@code 1xx}) whose headers went out. */
	private long answersStarted;

	/** Final answers sent completely. */
	private long answersCompleted;

	private boolean closing;

	RequestDeadlines(RequestDeadlinesProperties properties, byte[] problem, Counter headersTooSlow,
			Counter bodyTooSlow) {
		this.headersDeadline = properties.headers();
		this.bodyDeadline = properties.body();
		this.problem = problem;
		this.headersTooSlow = headersTooSlow;
		this.bodyTooSlow = bodyTooSlow;
	}

	/**
	 * The handler in front of the HTTP codec.
	 * @return the handler
	 */
	ChannelInboundHandlerAdapter bytes() {
		return this.bytes;
	}

	/**
	 * The handler behind the HTTP codec.
	 * @return the handler
	 */
	ChannelDuplexHandler messages() {
		return this.messages;
	}

	private ScheduledFuture<?> schedule(ChannelHandlerContext context, Duration delay, Runnable task) {
		return context.executor().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
	}

	private static void cancel(ScheduledFuture<?> timer) {
		if (timer != null) {
			timer.cancel(false);
		}
	}

	private void cancelTimers() {
		cancel(this.headersTimer);
		cancel(this.bodyTimer);
		this.headersTimer = null;
		this.bodyTimer = null;
	}

	private void headersExpired() {
		this.headersTimer = null;
		if (this.closing || this.messagesContext == null) {
			return;
		}
		this.headersTooSlow.increment();
		logger.info("Connection closed: request headers not received within " + this.headersDeadline.toMillis()
				+ " ms of their first byte");
		// no answer may be interleaved with one still going out for an earlier request
		end(this.answersStarted == this.requests && this.answersCompleted == this.requests);
	}

	private void bodyExpired() {
		this.bodyTimer = null;
		if (this.closing || this.messagesContext == null) {
			return;
		}
		this.bodyTooSlow.increment();
		logger.info("Connection closed: request body not received within " + this.bodyDeadline.toMillis()
				+ " ms of the end of its headers");
		long earlier = this.requests - 1;
		end(this.answersStarted == earlier && this.answersCompleted == earlier);
	}

	/**
	 * Stops reading requests from the connection and closes it, after a {@code 408} when
	 * nothing else is being answered. The connection is first closed for writing only,
	 * and what the client still sends is read and discarded for {@link #LINGER}, so that
	 * the client can read the answer instead of losing it to a reset.
	 */
	private void end(boolean answer) {
		this.closing = true;
		cancelTimers();
		ChannelHandlerContext context = this.messagesContext;
		Channel channel = context.channel();
		if (!answer) {
			channel.close();
			return;
		}
		context.writeAndFlush(timeoutAnswer()).addListener((written) -> {
			if (written.isSuccess() && channel instanceof DuplexChannel duplex) {
				duplex.shutdownOutput();
				channel.eventLoop().schedule(() -> channel.close(), LINGER.toNanos(), TimeUnit.NANOSECONDS);
			}
			else {
				channel.close();
			}
		});
	}

	private FullHttpResponse timeoutAnswer() {
		ByteBuf body = Unpooled.wrappedBuffer(this.problem);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.REQUEST_TIMEOUT, body);
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, this.problem.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
			.set(HttpHeaderNames.CACHE_CONTROL, "no-store")
			.set("X-Content-Type-Options", "nosniff");
		return response;
	}

	private static boolean declaresBody(HttpRequest request) {
		if (HttpUtil.isTransferEncodingChunked(request)) {
			return true;
		}
		try {
			return HttpUtil.getContentLength(request, 0L) > 0;
		}
		catch (NumberFormatException ex) {
			return true;
		}
	}

	/**
	 * Starts the headers deadline when bytes arrive that the codec keeps without decoding
	 * anything: the beginning of a request's line or headers.
	 */
	private final class Bytes extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (RequestDeadlines.this.closing) {
				ReferenceCountUtil.release(message);
				return;
			}
			boolean readable = message instanceof ByteBuf buffer && buffer.isReadable();
			RequestDeadlines.this.decodedDuringRead = false;
			context.fireChannelRead(message);
			if (readable && !RequestDeadlines.this.decodedDuringRead && !RequestDeadlines.this.readingBody
					&& RequestDeadlines.this.headersTimer == null && !RequestDeadlines.this.closing) {
				RequestDeadlines.this.headersTimer = schedule(context, RequestDeadlines.this.headersDeadline,
						RequestDeadlines.this::headersExpired);
			}
		}

	}

	/**
	 * Follows the decoded requests and the answers going out.
	 */
	private final class Messages extends ChannelDuplexHandler {

		@Override
		public void handlerAdded(ChannelHandlerContext context) {
			RequestDeadlines.this.messagesContext = context;
		}

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (RequestDeadlines.this.closing) {
				ReferenceCountUtil.release(message);
				return;
			}
			RequestDeadlines.this.decodedDuringRead = true;
			if (message instanceof HttpRequest request) {
				cancel(RequestDeadlines.this.headersTimer);
				RequestDeadlines.this.headersTimer = null;
				RequestDeadlines.this.requests++;
				if (!(message instanceof LastHttpContent) && request.decoderResult().isSuccess()
						&& declaresBody(request)) {
					RequestDeadlines.this.readingBody = true;
					RequestDeadlines.this.bodyTimer = schedule(context, RequestDeadlines.this.bodyDeadline,
							RequestDeadlines.this::bodyExpired);
				}
			}
			if (message instanceof LastHttpContent) {
				RequestDeadlines.this.readingBody = false;
				cancel(RequestDeadlines.this.bodyTimer);
				RequestDeadlines.this.bodyTimer = null;
			}
			context.fireChannelRead(message);
		}

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
			if (RequestDeadlines.this.closing) {
				// the connection was answered 408 or is closing: nothing else goes out
				ReferenceCountUtil.release(message);
				promise.tryFailure(new ClosedChannelException());
				return;
			}
			boolean informational = message instanceof HttpResponse response
					&& response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
			if (!informational) {
				if (message instanceof HttpResponse) {
					RequestDeadlines.this.answersStarted++;
				}
				if (message instanceof LastHttpContent) {
					RequestDeadlines.this.answersCompleted++;
				}
			}
			context.write(message, promise);
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) {
			cancelTimers();
			context.fireChannelInactive();
		}

		@Override
		public void handlerRemoved(ChannelHandlerContext context) {
			cancelTimers();
		}

	}

}
