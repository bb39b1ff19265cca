package org.treatmentnetwork.servicedefaults.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * Bounds every MongoDB call of a service: connecting, waiting for an answer and selecting
 * a server all time out, so that a database outage becomes a prompt error (and a fallback
 * that shows the crisis lines) instead of a hanging request. Each service keeps its own
 * settings, under its own prefix, and registers the customizer this builds.
 *
 * @param connect the longest a connection may take to open
 * @param read the longest an answer may take once a command is sent
 * @param serverSelection the longest to wait for a server that can take the command
 */
public record MongoTimeouts(Duration connect, Duration read, Duration serverSelection) {

	/**
	 * The client settings that apply these limits.
	 * @return a customizer for Spring Boot's MongoDB client
	 */
	public MongoClientSettingsBuilderCustomizer customizer() {
		return (settings) -> settings
			.applyToSocketSettings((socket) -> socket.connectTimeout(this.connect.toMillis(), TimeUnit.MILLISECONDS)
				.readTimeout(this.read.toMillis(), TimeUnit.MILLISECONDS))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(this.serverSelection.toMillis(),
					TimeUnit.MILLISECONDS));
	}

}
