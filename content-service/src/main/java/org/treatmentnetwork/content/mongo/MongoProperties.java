package org.treatmentnetwork.content.mongo;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Timeouts for every call to MongoDB ({@code content.mongo.*}). The connection string
 * itself is Boot's {@code spring.mongodb.uri}.
 *
 * @param connectTimeout how long to wait for a TCP connection
 * @param serverSelectionTimeout how long the driver looks for a usable server before
 * failing
 * @param readTimeout how long to wait for a reply on an open connection
 * @param operationTimeout upper bound for one query or write issued by this service,
 * applied to the reactive pipeline
 */
@Validated
@ConfigurationProperties("content.mongo")
public record MongoProperties(@DefaultValue("5s") @NotNull Duration connectTimeout,
		@DefaultValue("3s") @NotNull Duration serverSelectionTimeout,
		@DefaultValue("10s") @NotNull Duration readTimeout, @DefaultValue("5s") @NotNull Duration operationTimeout) {

}
