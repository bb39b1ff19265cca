package org.treatmentnetwork.content.locales;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides {@link ContentLocales} from the {@code content.locales.*} settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LocalesProperties.class)
public class LocalesConfiguration {

	@Bean
	ContentLocales contentLocales(LocalesProperties properties) {
		return new ContentLocales(properties);
	}

}
