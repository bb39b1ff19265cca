package org.treatmentnetwork.servicedefaults.openapi;

import java.util.List;

import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the suite's common parts to a service's OpenAPI document. A service imports it and
 * marks each staff operation with {@code @SecurityRequirement(name =
 * ContractDocument.STAFF_TOKEN, scopes = {roles})}: in OpenAPI 3.1 the scopes of a bearer
 * scheme are the roles the operation needs.
 */
@Configuration(proxyBeanMethods = false)
public class ContractDocument {

	/** The name of the staff bearer-token security scheme. */
	public static final String STAFF_TOKEN = "staffToken";

	/**
	 * Where a service serves its document (springdoc's default); public, since a document
	 * is not an access right. The gateway's Swagger UI reads it through its own routes.
	 */
	public static final String PATH = "/v3/api-docs";

	@Bean
	OpenApiCustomizer openApiContractDefaults() {
		return new ContractDefaults();
	}

	@Bean
	OperationCustomizer openApiOperationAnswers() {
		return (operation, handlerMethod) -> {
			ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
			for (ProblemResponse answer : handlerMethod.getMethod().getAnnotationsByType(ProblemResponse.class)) {
				responses.addApiResponse(String.valueOf(answer.status()),
						ContractDefaults.problem(answer.type(), answer.description()));
			}
			operation.setResponses(responses);
			OptionalStaffToken optional = handlerMethod.getMethodAnnotation(OptionalStaffToken.class);
			if (optional != null) {
				operation.setSecurity(List.of(new SecurityRequirement(),
						new SecurityRequirement().addList(STAFF_TOKEN, List.of(optional.roles()))));
			}
			return operation;
		};
	}

}
