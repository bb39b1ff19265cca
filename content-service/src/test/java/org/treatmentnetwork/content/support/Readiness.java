package org.treatmentnetwork.content.support;

import java.time.Duration;

import org.awaitility.Awaitility;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Waits until the service under test reports ready, that is, until the packaged content
 * is in the database and the article snapshot is built.
 */
public final class Readiness {

	private Readiness() {
	}

	/**
	 * Polls {@code /actuator/health/readiness} until it answers {@code 2xx}.
	 * @param client a client bound to the running service
	 * @param atMost how long to wait before failing
	 */
	public static void await(WebTestClient client, Duration atMost) {
		Awaitility.await()
			.atMost(atMost)
			.until(() -> client.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectBody()
				.returnResult()
				.getStatus()
				.is2xxSuccessful());
	}

}
