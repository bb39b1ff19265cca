package org.treatmentnetwork.notification.store;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Timeouts of every MongoDB call.
 *
 * @param connectTimeout the most opening a connection may take
 * @param readTimeout the most waiting for an answer may take
 * @param serverSelectionTimeout the most finding a usable server may take
 */
@Validated
@ConfigurationProperties("notification.store")
record StoreProperties(@NotNull Duration connectTimeout, @NotNull Duration readTimeout,
		@NotNull Duration serverSelectionTimeout) {

}
