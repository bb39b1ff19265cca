package org.treatmentnetwork.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway with the content route and nothing else: no security, limits,
 * circuit breaker, retry, tracing, access log or actuator. The gateway benchmark runs it
 * beside the real gateway to show how much of the overhead is the framework's own.
 */
@SpringBootApplication
public class BareGateway {

	public static void main(String[] args) {
		SpringApplication.run(BareGateway.class, args);
	}

}
