package org.treatmentnetwork.intake.openapi;

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
@OpenAPIDefinition(info = @Info(title = "Intake service", version = "1",
		description = "Contact requests from the website and the call center, and the call center’s queue and pipeline. The human contract is docs/api.md; the event it publishes is contracts/events/intake.contact-requests.v1.schema.json."))
@Import(ContractDocument.class)
class OpenApiConfiguration {

}
