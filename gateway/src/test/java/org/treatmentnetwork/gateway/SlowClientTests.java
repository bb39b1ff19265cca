package org.treatmentnetwork.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.gateway.support.RawHttp;
import org.treatmentnetwork.gateway.support.StubService;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that trickles its request's headers, or the body it declared, is answered
 * {@code 408} and cut off at the deadline (shortened here to 1 s), even though every byte
 * starts the idle timeout again. A keep-alive connection that waits between requests, and
 * an answer that streams for longer than the deadlines, are not affected.
 */
@TestPropertySource(properties = { "gateway.request-deadlines.headers=1s", "gateway.request-deadlines.body=1s" })
class SlowClientTests extends GatewayTestSupport {

	private static final Duration DEADLINE = Duration.ofSeconds(1);

	/** Well before the gateway's defaults (10 s), well after the deadline here. */
	private static final Duration CUT_OFF_WITHIN = Duration.ofSeconds(5);

	@Test
	void headersTrickledPastTheDeadlineAreAnswered408AndTheConnectionClosed() throws Exception {
		String request = "POST /api/intake/contact-requests HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nX-Padding: " + "a".repeat(200) + "\r\n";
		double before = rejected("headers-deadline");
		try (Socket socket = RawHttp.connect(this.port, Duration.ofSeconds(15))) {
			long start = System.nanoTime();
			String answer = trickleUntilAnswered(socket, request.getBytes(StandardCharsets.ISO_8859_1));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			expectTimeoutProblem(answer);
			assertThat(elapsed).isGreaterThanOrEqualTo(DEADLINE).isLessThan(CUT_OFF_WITHIN);
		}
		assertThat(allRequests()).isEmpty();
		assertThat(rejected("headers-deadline")).isEqualTo(before + 1);
	}

	@Test
	void declaredBodyTrickledPastTheDeadlineIsAnswered408AndNeverForwarded() throws Exception {
		String body = "{\"name\":\"Sam\",\"message\":\"" + "x".repeat(200) + "\"}";
		String headers = "POST /api/intake/contact-requests HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n";
		double before = rejected("body-deadline");
		try (Socket socket = RawHttp.connect(this.port, Duration.ofSeconds(15))) {
			OutputStream out = socket.getOutputStream();
			out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			long start = System.nanoTime();
			String answer = trickleUntilAnswered(socket, body.getBytes(StandardCharsets.ISO_8859_1));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			expectTimeoutProblem(answer);
			assertThat(elapsed).isGreaterThanOrEqualTo(DEADLINE).isLessThan(CUT_OFF_WITHIN);
		}
		assertThat(allRequests()).isEmpty();
		assertThat(rejected("body-deadline")).isEqualTo(before + 1);
	}

	@Test
	void chunkedBodyTrickledPastTheDeadlineIsCutOffToo() throws Exception {
		String headers = "PUT /api/content/articles/what-is-moud HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: Bearer " + TOKENS.valid("EDITOR") + "\r\n"
				+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
		StringBuilder chunks = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			chunks.append("1\r\nx\r\n");
		}
		try (Socket socket = RawHttp.connect(this.port, Duration.ofSeconds(15))) {
			OutputStream out = socket.getOutputStream();
			out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			long start = System.nanoTime();
			trickleUntilAnswered(socket, chunks.toString().getBytes(StandardCharsets.ISO_8859_1));
			// the body was already on its way to the service: the answer may be the
			// 408 or, once the service's answer started, only the close
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CUT_OFF_WITHIN);
		}
	}

	@Test
	void aKeepAliveConnectionMayWaitBetweenRequestsLongerThanTheDeadlines() throws Exception {
		// answered by the gateway itself, so no service's timing is involved
		String request = "GET /api/not-routed HTTP/1.1\r\nHost: localhost\r\n\r\n";
		try (Socket socket = RawHttp.connect(this.port, Duration.ofSeconds(15))) {
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			for (int i = 0; i < 2; i++) {
				out.write(request.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				assertThat(RawHttp.readOne(in).status()).isEqualTo(404);
				Thread.sleep(DEADLINE.multipliedBy(5).toMillis() / 2);
			}
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			assertThat(RawHttp.readOne(in).status()).isEqualTo(404);
		}
	}

	@Test
	void requestsSentInTimeArePassedOn() {
		this.gateway.post()
			.uri("/api/intake/contact-requests")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Sam\"}")
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(INTAKE.requests()).hasSize(1);
	}

	@Test
	void anAnswerStreamingLongerThanTheDeadlinesIsNotCut() {
		assertThat(StubService.STREAM_INTERVAL.multipliedBy(StubService.STREAM_EVENTS))
			.isGreaterThan(DEADLINE.multipliedBy(2));
		String body = this.gateway.get()
			.uri("/api/alerts/stream")
			.headers((headers) -> headers.setBearerAuth(TOKENS.valid("ON_CALL")))
			.header(StubService.BEHAVIOUR, "stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("id: a-0", "id: a-" + (StubService.STREAM_EVENTS - 1));
	}

	/**
	 * Sends the bytes one at a time, 100 ms apart, until the gateway answers or closes,
	 * and returns what it answered.
	 */
	private static String trickleUntilAnswered(Socket socket, byte[] bytes) throws Exception {
		AtomicBoolean answered = new AtomicBoolean();
		Thread trickler = new Thread(() -> {
			try {
				OutputStream out = socket.getOutputStream();
				for (int i = 0; i < bytes.length && !answered.get(); i++) {
					out.write(bytes[i]);
					out.flush();
					Thread.sleep(100);
				}
			}
			catch (IOException | InterruptedException ex) {
				// the gateway closed the connection
			}
		}, "trickler");
		trickler.start();
		try {
			return RawHttp.readToEnd(socket.getInputStream());
		}
		finally {
			answered.set(true);
			trickler.join(5000);
		}
	}

	private static void expectTimeoutProblem(String answer) {
		assertThat(answer).startsWith("HTTP/1.1 408 ")
			.contains("content-type: application/problem+json")
			.contains("connection: close")
			.contains("\"type\":\"https://treatment-network.example/problems/request-timeout\"")
			.contains("\"status\":408");
	}

	private double rejected(String limit) {
		var counter = this.meterRegistry.find("gateway.limits.rejected").tag("limit", limit).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
