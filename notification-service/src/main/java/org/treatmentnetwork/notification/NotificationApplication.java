package org.treatmentnetwork.notification;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.treatmentnetwork.notification.secrets.ProductionSecretsCheck;
import org.treatmentnetwork.servicedefaults.tracing.TracingDefaults;

/**
 * Pages on-call recovery staff when a contact request arrives and keeps the alert's
 * history.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(TracingDefaults.class)
public class NotificationApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The service as {@code main} starts it: outside the {@code local} profile it refuses
	 * to start with missing or development secrets ({@link ProductionSecretsCheck}).
	 * @return the application, ready to run
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(NotificationApplication.class);
		application.addInitializers(new ProductionSecretsCheck());
		return application;
	}

	/**
	 * The clock every timestamp comes from. Millisecond precision, because that is what
	 * MongoDB stores.
	 * @return the system UTC clock ticking in milliseconds
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

}
