package org.treatmentnetwork.content.openapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The document's title and description; operations describe themselves on their
 * controllers.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Content service", version = "1",
		description = "Treatment information for the public website in English and Spanish (articles, treatment approaches, centers, crisis lines), and the editors’ workflow. The human contract is docs/api.md."))
@Import(ContractDocument.class)
class OpenApiConfiguration {

}
