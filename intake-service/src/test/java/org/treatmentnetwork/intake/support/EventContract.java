package org.treatmentnetwork.intake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine-readable contract of {@code intake.contact-requests.v1} at the repository
 * root ({@code contracts/events}), read from the module directory: the JSON Schema of the
 * event value (draft 2020-12, formats asserted) and its examples.
 */
public final class EventContract {

	public static final Path DIRECTORY = Path.of("..", "contracts", "events");

	public static final Path SCHEMA_FILE = DIRECTORY.resolve("intake.contact-requests.v1.schema.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Schema SCHEMA = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
		.getSchema(read(SCHEMA_FILE), InputFormat.JSON);

	private EventContract() {
	}

	/**
	 * Validates an event value against the schema.
	 * @param value the JSON text
	 * @return the violations, empty if the value is valid
	 */
	public static List<String> violations(String value) {
		List<Error> errors = SCHEMA.validate(value, InputFormat.JSON);
		return errors.stream().map(Error::toString).toList();
	}

	/**
	 * The values a property of the event may take.
	 * @param property the property
	 * @return the schema's {@code enum} for it, in order
	 */
	public static List<String> enumOf(String property) {
		JsonNode values = json.readTree(read(SCHEMA_FILE)).path("properties").path(property).path("enum");
		List<String> names = new ArrayList<>();
		values.forEach((value) -> names.add(value.asString()));
		return names;
	}

	/** The valid examples ({@code examples/*.json}). */
	public static List<Path> examples() {
		return jsonFiles(DIRECTORY.resolve("examples"));
	}

	/** The invalid examples ({@code examples/invalid/*.json}). */
	public static List<Path> invalidExamples() {
		return jsonFiles(DIRECTORY.resolve("examples").resolve("invalid"));
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> jsonFiles(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
