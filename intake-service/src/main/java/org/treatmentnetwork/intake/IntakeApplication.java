package org.treatmentnetwork.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.treatmentnetwork.intake.secrets.ProductionSecretsCheck;
import org.treatmentnetwork.servicedefaults.tracing.TracingDefaults;

/**
 * Intake service: contact requests from the website and the call center, published to
 * Kafka from an outbox kept in each request's document.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(TracingDefaults.class)
public class IntakeApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The service as {@code main} starts it: outside the {@code local} profile it refuses
	 * to start with missing or development keys ({@link ProductionSecretsCheck}).
	 * @return the application, ready to run
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(IntakeApplication.class);
		application.addInitializers(new ProductionSecretsCheck());
		return application;
	}

}
