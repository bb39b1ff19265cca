package org.treatmentnetwork.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Intake service: contact requests from the website and the call center, published to
 * Kafka from an outbox kept in each request's document.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntakeApplication {

	public static void main(String[] args) {
		SpringApplication.run(IntakeApplication.class, args);
	}

}
