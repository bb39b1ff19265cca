package org.treatmentnetwork.content;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The content service: treatment articles, treatment approaches and crisis resources for
 * the public website.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContentApplication {

	public static void main(String[] args) {
		SpringApplication.run(ContentApplication.class, args);
	}

}
