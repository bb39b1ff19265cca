package org.treatmentnetwork.servicedefaults.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Compares a service's generated OpenAPI document with the one committed under
 * {@code contracts/openapi/}, so that every change of the contract shows up in review.
 * Both are written the same way (keys sorted, indented) before they are compared. Run the
 * build with {@code -Dcontracts.update=true} to write the generated document in place of
 * the committed one, then review the difference.
 */
public final class CommittedContract {

	/** The system property that writes the generated documents instead of failing. */
	public static final String UPDATE = "contracts.update";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private CommittedContract() {
	}

	/**
	 * Fails unless the document a running service serves at {@link ContractDocument#PATH}
	 * equals the committed one.
	 * @param client a client of the running service
	 * @param service the document's name: {@code contracts/openapi/<service>.json}
	 * @throws IOException if the committed document cannot be read or written
	 */
	public static void assertServedBy(WebTestClient client, String service) throws IOException {
		// A document is larger than what a service reads of a request body (16 KiB for
		// intake), which its test client shares.
		String document = client.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
			.build()
			.get()
			.uri(ContractDocument.PATH)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertMatches(service, document);
	}

	/**
	 * Fails unless the generated document equals the committed one.
	 * @param service the document's name: {@code contracts/openapi/<service>.json}
	 * @param generated the document the running service serves
	 * @throws IOException if the committed document cannot be read or written
	 */
	public static void assertMatches(String service, String generated) throws IOException {
		assertMatches(contractsFolder().resolve("openapi").resolve(service + ".json"), generated);
	}

	/**
	 * Fails unless the generated document equals the committed one.
	 * @param committed the committed document
	 * @param generated the document the running service serves
	 * @throws IOException if the committed document cannot be read or written
	 */
	public static void assertMatches(Path committed, String generated) throws IOException {
		String service = committed.getFileName().toString();
		String canonical = canonical(generated);
		if (Boolean.getBoolean(UPDATE)) {
			Files.createDirectories(committed.getParent());
			Files.writeString(committed, canonical, StandardCharsets.UTF_8);
			return;
		}
		if (!Files.exists(committed)) {
			throw new AssertionError(
					committed + " does not exist; write it with ./mvnw verify -D" + UPDATE + "=true and commit it");
		}
		String expected = canonical(Files.readString(committed, StandardCharsets.UTF_8));
		if (!expected.equals(canonical)) {
			throw new AssertionError("The OpenAPI document of " + service + " differs from " + committed + " "
					+ firstDifference(expected, canonical)
					+ ". If the change is meant, write the new document with ./mvnw verify -D" + UPDATE
					+ "=true and commit it with the change, so that review sees the contract change.");
		}
	}

	/**
	 * The repository's {@code contracts} folder, found from the module's working folder.
	 * @return the folder
	 */
	public static Path contractsFolder() {
		Path folder = Path.of("").toAbsolutePath();
		while (folder != null) {
			Path contracts = folder.resolve("contracts");
			if (Files.isDirectory(contracts)) {
				return contracts;
			}
			folder = folder.getParent();
		}
		throw new IllegalStateException("No contracts folder above " + Path.of("").toAbsolutePath());
	}

	static String canonical(String document) {
		Object tree = JSON.readValue(document, Map.class);
		return JSON.writeValueAsString(tree) + "\n";
	}

	private static String firstDifference(String expected, String actual) {
		List<String> expectedLines = expected.lines().toList();
		List<String> actualLines = actual.lines().toList();
		int lines = Math.min(expectedLines.size(), actualLines.size());
		for (int i = 0; i < lines; i++) {
			if (!expectedLines.get(i).equals(actualLines.get(i))) {
				return "at line " + (i + 1) + ": committed `" + expectedLines.get(i).strip() + "`, generated `"
						+ actualLines.get(i).strip() + "`";
			}
		}
		return "in length: committed " + expectedLines.size() + " lines, generated " + actualLines.size();
	}

}
