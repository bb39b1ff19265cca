package org.treatmentnetwork.gateway.docs;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * {@code /api/docs} leads to the Swagger UI; the UI, its assets and its configuration are
 * springdoc's (see {@code springdoc.*} in the configuration).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static final String UI = "/api/docs/swagger-ui/index.html";

	@Bean
	RouterFunction<ServerResponse> apiDocsEntry() {
		return RouterFunctions.route(GET("/api/docs").or(GET("/api/docs/")),
				(request) -> ServerResponse.temporaryRedirect(URI.create(UI)).build());
	}

}
