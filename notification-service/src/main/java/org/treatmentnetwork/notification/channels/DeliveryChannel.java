package org.treatmentnetwork.notification.channels;

import org.treatmentnetwork.notification.alerts.TimelineChannel;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import reactor.core.publisher.Mono;

/**
 * A way to send a page.
 */
public interface DeliveryChannel {

	/**
	 * The contact method kind this channel serves.
	 * @return the kind
	 */
	ContactMethod.Kind kind();

	/**
	 * How the channel is named in timelines.
	 * @return the timeline channel
	 */
	TimelineChannel timelineChannel();

	/**
	 * Whether the channel is configured; methods of a disabled channel are skipped.
	 * @return {@code true} if it can send
	 */
	default boolean enabled() {
		return true;
	}

	/**
	 * Send a page, with the channel's timeout, retry, circuit breaker and rate limit.
	 * @param staffId the recipient's staff id (the rate-limit key)
	 * @param message the page; {@code to} is the method's address
	 * @return what was sent, once it was handed over
	 */
	Mono<Sent> send(String staffId, AlertMessage message);

}
