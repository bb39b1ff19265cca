package org.treatmentnetwork.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.treatmentnetwork.gateway.secrets.ProductionSecretsCheck;
import org.treatmentnetwork.servicedefaults.tracing.TracingDefaults;

/**
 * Starts the gateway.
 */
@SpringBootApplication
@Import(TracingDefaults.class)
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The gateway as {@code main} starts it: outside the {@code local} profile it refuses
	 * to start with missing or development secrets ({@link ProductionSecretsCheck}).
	 * @return the application, ready to run
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(GatewayApplication.class);
		application.addInitializers(new ProductionSecretsCheck());
		return application;
	}

}
