package org.treatmentnetwork.content;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.treatmentnetwork.content.secrets.ProductionSecretsCheck;
import org.treatmentnetwork.servicedefaults.tracing.TracingDefaults;

/**
 * The content service: treatment articles, treatment approaches and crisis resources for
 * the public website.
 */
@SpringBootApplication
@Import(TracingDefaults.class)
@ConfigurationPropertiesScan
public class ContentApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The service as {@code main} starts it: outside the {@code local} profile it refuses
	 * to start without a staff token key or with the development one
	 * ({@link ProductionSecretsCheck}).
	 * @return the application, ready to run
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(ContentApplication.class);
		application.addInitializers(new ProductionSecretsCheck());
		return application;
	}

}
