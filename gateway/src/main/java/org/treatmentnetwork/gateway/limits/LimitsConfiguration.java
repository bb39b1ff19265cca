package org.treatmentnetwork.gateway.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.treatmentnetwork.gateway.fallback.HelpProperties;
import org.treatmentnetwork.gateway.problems.ProblemType;
import org.treatmentnetwork.gateway.problems.ProblemWriter;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Wires the intake limits and the deadlines for receiving requests. The rate-limit store
 * is this instance's memory unless {@code spring.data.redis.url} is set; then it is
 * Redis, shared by every instance.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	/** After Spring Security (-100), so token checks come first. */
	static final int RATE_LIMIT_ORDER = -50;

	static final int BODY_SIZE_ORDER = -40;

	static final String REDIS_URL = "spring.data.redis.url";

	static final String REJECTED_METRIC = "gateway.limits.rejected";

	static final String DEADLINE_BYTES_HANDLER = "treatmentNetworkRequestDeadlineBytes";

	static final String DEADLINE_MESSAGES_HANDLER = "treatmentNetworkRequestDeadlineMessages";

	@Bean
	ClientAddressResolver clientAddressResolver(ClientAddressProperties properties) {
		return new ClientAddressResolver(properties.trustedProxies());
	}

	@Bean
	ContactRequestLimiter contactRequestLimiter(IntakeLimitsProperties properties, Environment environment,
			ObjectProvider<RedisRateLimiter> redisRateLimiter, MeterRegistry meterRegistry) {
		ContactRequestLimiter inMemory = new InMemoryContactRequestLimiter(properties.rateLimit());
		if (StringUtils.hasText(environment.getProperty(REDIS_URL))) {
			return new RedisContactRequestLimiter(redisRateLimiter.getObject(), inMemory, properties.rateLimit(),
					meterRegistry);
		}
		return inMemory;
	}

	@Bean
	ContactRequestRateLimitWebFilter contactRequestRateLimitWebFilter(ContactRequestLimiter limiter,
			ClientAddressResolver clientAddressResolver, HelpProperties help, ProblemWriter problemWriter,
			MeterRegistry meterRegistry) {
		return new ContactRequestRateLimitWebFilter(limiter, clientAddressResolver, help, problemWriter, meterRegistry);
	}

	@Bean
	IntakeBodySizeWebFilter intakeBodySizeWebFilter(IntakeLimitsProperties properties, HelpProperties help,
			ProblemWriter problemWriter, MeterRegistry meterRegistry) {
		return new IntakeBodySizeWebFilter(properties.maxBodySize(), help, problemWriter, meterRegistry);
	}

	/**
	 * Deadlines for receiving each request's headers and body, enforced per connection by
	 * two handlers around the HTTP codec ({@link RequestDeadlines}). Added only where the
	 * connection starts with that codec: plain HTTP/1.1, which is what the gateway
	 * serves.
	 * @param properties the deadlines
	 * @param jsonMapper writes the problem body once
	 * @param meterRegistry counts connections cut off
	 * @return the customizer
	 */
	@Bean
	NettyServerCustomizer requestDeadlines(RequestDeadlinesProperties properties, JsonMapper jsonMapper,
			MeterRegistry meterRegistry) {
		byte[] problem = jsonMapper.writeValueAsBytes(ProblemType.REQUEST_TIMEOUT.problem());
		Counter headersTooSlow = rejectedCounter(meterRegistry, "headers-deadline");
		Counter bodyTooSlow = rejectedCounter(meterRegistry, "body-deadline");
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				RequestDeadlines deadlines = new RequestDeadlines(properties, problem, headersTooSlow, bodyTooSlow);
				channel.pipeline().addBefore(NettyPipeline.HttpCodec, DEADLINE_BYTES_HANDLER, deadlines.bytes());
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, DEADLINE_MESSAGES_HANDLER, deadlines.messages());
			}
		});
	}

	static Counter rejectedCounter(MeterRegistry meterRegistry, String limit) {
		return Counter.builder(REJECTED_METRIC)
			.description("Requests refused by the gateway's abuse limits")
			.tag("limit", limit)
			.register(meterRegistry);
	}

	/**
	 * The gateway's Redis token bucket, configured from the intake rate limit. Replaces
	 * the gateway's unconfigured default {@link RedisRateLimiter}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(REDIS_URL)
	static class SharedStoreConfiguration {

		@Bean
		RedisRateLimiter redisRateLimiter(IntakeLimitsProperties properties) {
			IntakeLimitsProperties.RateLimit rateLimit = properties.rateLimit();
			// RedisRateLimiter counts whole tokens per second: a request costs one token
			// per second of the period, so 'requests' per period refill per second
			int cost = rateLimit.periodSeconds();
			return new RedisRateLimiter(rateLimit.requests(), (long) rateLimit.burst() * cost, cost);
		}

	}

}
