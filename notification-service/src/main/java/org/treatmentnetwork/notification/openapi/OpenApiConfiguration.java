package org.treatmentnetwork.notification.openapi;

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
@OpenAPIDefinition(info = @Info(title = "Notification service", version = "1",
		description = "Alerts paged to on-call staff, their acknowledgement, and the on-call schedules. The human contract is docs/api.md."))
@Import(ContractDocument.class)
class OpenApiConfiguration {

}
