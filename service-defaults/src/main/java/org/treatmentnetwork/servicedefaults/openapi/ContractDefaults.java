package org.treatmentnetwork.servicedefaults.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The common parts of every document: one relative server (the document is read through
 * the gateway, whose paths are the services' own), the staff token scheme, the
 * {@code Problem} schema, and the problem+json answers an operation gives without saying
 * so: {@code 400} where it takes input, {@code 401} and {@code 403} where it needs a
 * token, {@code 415} where it takes a body, {@code 500} and {@code 503} everywhere. An
 * answer the operation documents itself is left as it is.
 */
class ContractDefaults implements OpenApiCustomizer {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String PROBLEM_SCHEMA = "Problem";

	private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

	private static final String TYPE_PREFIX = "https://treatment-network.example/problems/";

	@Override
	public void customise(OpenAPI openApi) {
		openApi.setServers(List.of(new Server().url("/")
			.description("The gateway: every path of this document is served at the gateway's address")));
		Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
		components.addSecuritySchemes(ContractDocument.STAFF_TOKEN, staffToken());
		components.addSchemas(PROBLEM_SCHEMA, problemSchema());
		components.addSchemas("FieldError", fieldErrorSchema());
		openApi.setComponents(components);
		if (openApi.getPaths() != null) {
			openApi.getPaths().values().forEach(ContractDefaults::addCommonAnswers);
		}
	}

	private static void addCommonAnswers(PathItem item) {
		item.readOperationsMap().values().forEach(ContractDefaults::addCommonAnswers);
	}

	private static void addCommonAnswers(Operation operation) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		if (answersOnlyHtml(responses)) {
			// Pages for people (the acknowledgement links) answer their errors as pages
			// too.
			return;
		}
		boolean takesInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		boolean needsToken = operation.getSecurity() != null && operation.getSecurity()
			.stream()
			.anyMatch((requirement) -> requirement.containsKey(ContractDocument.STAFF_TOKEN));
		Map<String, ApiResponse> common = new TreeMap<>();
		if (takesInput) {
			common.put("400", problem("validation",
					"The input is not valid (`errors` names each field) or cannot be read (`bad-request`); nothing changed"));
		}
		if (needsToken) {
			common.put("401", problem("unauthorized", "No token, or an invalid, expired or forged one"));
			common.put("403", problem("forbidden", "The token does not hold a role this operation needs"));
		}
		if (operation.getRequestBody() != null) {
			common.put("415", problem("unsupported-media-type", "The body is not `application/json`"));
		}
		common.put("500", problem("internal-error",
				"Unexpected failure; through the gateway a client gets the route's fallback instead"));
		common.put("503", problem("service-unavailable",
				"The service's database cannot be reached; through the gateway a client gets the route's fallback"));
		common.forEach(responses::putIfAbsent);
		operation.setResponses(responses);
	}

	private static boolean answersOnlyHtml(ApiResponses responses) {
		List<String> mediaTypes = responses.values()
			.stream()
			.filter((response) -> response.getContent() != null)
			.flatMap((response) -> response.getContent().keySet().stream())
			.toList();
		return !mediaTypes.isEmpty() && mediaTypes.stream().allMatch("text/html"::equals);
	}

	static ApiResponse problem(String type, String description) {
		MediaType mediaType = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
		return new ApiResponse().description(description + " (problem type `" + TYPE_PREFIX + type + "`)")
			.content(new Content().addMediaType(PROBLEM_JSON, mediaType));
	}

	private static SecurityScheme staffToken() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("A staff token (JWT) checked by issuer, audience, expiry and subject. "
					+ "The scopes of a requirement are the roles the operation needs, any one of them.");
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new TreeMap<>();
		properties.put("type", new StringSchema().format("uri")
			.description("One of the suite's problem types, `" + TYPE_PREFIX + "<name>`"));
		properties.put("title", new StringSchema().description("A short summary of the problem type"));
		properties.put("status", new IntegerSchema().description("The HTTP status"));
		properties.put("detail",
				new StringSchema().description("What happened and what to do; never echoes submitted values"));
		properties.put("instance", new StringSchema().format("uri-reference"));
		properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
			.description("On `validation` problems: each invalid field"));
		ObjectSchema schema = new ObjectSchema();
		schema.setProperties(properties);
		schema.setRequired(List.of("type", "title", "status"));
		schema.setDescription("An RFC 9457 problem detail");
		return schema;
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> fieldErrorSchema() {
		Map<String, Schema> properties = new TreeMap<>();
		properties.put("field", new StringSchema());
		properties.put("message", new StringSchema());
		ObjectSchema schema = new ObjectSchema();
		schema.setProperties(properties);
		return schema;
	}

}
