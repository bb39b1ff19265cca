package org.treatmentnetwork.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Swagger UI at {@code /api/docs} documents the whole contract: every operation that
 * {@code docs/api.md} describes (its {@code #### `METHOD /path`} headings) is in one of
 * the OpenAPI documents the UI reads through the gateway, from the running services, and
 * the documents describe nothing that the contract does not.
 */
@ExtendWith(RunningSuite.class)
class ApiDocsSystemIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern OPERATION_HEADING = Pattern
		.compile("^#### `(GET|HEAD|POST|PUT|PATCH|DELETE) (/[^`\\s]*)`$", Pattern.MULTILINE);

	private final SuiteClient gateway = RunningSuite.gateway();

	@Test
	void theDocumentationListsEveryOperationOfTheContract() throws IOException {
		Set<String> contract = contractOperations();
		assertThat(contract).as("operations in docs/api.md").hasSizeGreaterThan(25);

		SuiteClient.Reply config = this.gateway.get("/api/docs/openapi/swagger-config", null);
		assertThat(config.status()).isEqualTo(200);
		Set<String> documented = new TreeSet<>();
		for (JsonNode url : JSON.readTree(config.body()).get("urls")) {
			SuiteClient.Reply document = this.gateway.get(url.get("url").asString(), null);
			assertThat(document.status()).as(url.get("url").asString()).isEqualTo(200);
			JsonNode openApi = JSON.readTree(document.body());
			assertThat(openApi.get("openapi").asString()).startsWith("3.1");
			for (Map.Entry<String, JsonNode> path : openApi.get("paths").properties()) {
				for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
					documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
				}
			}
		}
		assertThat(documented).as("operations documented at /api/docs").containsAll(contract);
		assertThat(contract).as("operations of docs/api.md").containsAll(documented);

		SuiteClient.Reply ui = this.gateway.get("/api/docs/swagger-ui/index.html", null);
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.contentType()).startsWith("text/html");
	}

	private static Set<String> contractOperations() throws IOException {
		Path api = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("api.md");
		Matcher headings = OPERATION_HEADING.matcher(Files.readString(api));
		Set<String> operations = new TreeSet<>();
		while (headings.find()) {
			operations.add(headings.group(1) + " " + headings.group(2));
		}
		return operations;
	}

}
