package org.treatmentnetwork.notification.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.escalation.EscalationProperties;
import org.treatmentnetwork.notification.alerts.Urgency;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What this service understands of {@code intake.contact-requests.v1} agrees with the
 * contract at the repository root ({@code contracts/events}, read from the module
 * directory): the urgencies it knows and configures escalation for are exactly the
 * schema's, the statuses that resolve an alert and the event types it acts on are the
 * schema's, every example parses, and every invalid example is refused or made harmless.
 */
class ContactRequestEventContractTests {

	private static final Path CONTRACT = Path.of("..", "contracts", "events");

	private final JsonMapper json = JsonMapper.builder().build();

	private final ContactRequestEventParser parser = new ContactRequestEventParser();

	@Test
	void knownUrgenciesAndTheConfiguredEscalationFactorsAreTheSchemasUrgencies() throws IOException {
		List<String> urgencies = schemaEnum("urgency");

		assertThat(Arrays.stream(Urgency.values()).map(Urgency::name).toList()).containsExactlyElementsOf(urgencies);
		EscalationProperties configured = configuredEscalation();
		assertThat(configured.urgencyFactors().keySet()).containsExactlyInAnyOrderElementsOf(urgencies);
		assertThat(urgencies).containsAll(configured.immediateSteps().keySet());
		// Most urgent first, in the schema as in the factors: a more urgent request never
		// escalates more slowly.
		List<Double> factors = urgencies.stream().map(configured.urgencyFactors()::get).toList();
		assertThat(factors).isSorted();
	}

	@Test
	void anEscalationFactorForAnUrgencyOutsideTheContractStopsTheService() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EscalationProperties(java.util.Map.of("URGENT", 0.5), java.util.Map.of(),
					java.time.Duration.ofMinutes(10)))
			.withMessageContaining("URGENT");
	}

	@Test
	void statusesAndTypesThisServiceActsOnAreTheSchemas() throws IOException {
		assertThat(schemaEnum("status")).containsAll(ContactRequestEventHandler.RESOLVING_STATUSES);
		assertThat(schemaEnum("type")).containsExactlyInAnyOrder(ContactRequestEvent.RECEIVED,
				ContactRequestEvent.STATUS_CHANGED);
	}

	@Test
	void everyExampleParsesWithAKnownUrgency() throws IOException {
		List<Path> examples = jsonFiles(CONTRACT.resolve("examples"));
		assertThat(examples).hasSizeGreaterThanOrEqualTo(3);

		for (Path example : examples) {
			ContactRequestEvent event = this.parser.parse(Files.readString(example));
			JsonNode node = this.json.readTree(Files.readString(example));
			assertThat(event.eventId()).as(example.toString()).isEqualTo(node.get("eventId").asString());
			assertThat(event.requestId()).isEqualTo(node.get("requestId").asString());
			assertThat(Urgency.known(event.urgency())).as(example.toString()).isPresent();
			assertThat(event.duplicateOf())
				.isEqualTo(node.has("duplicateOf") ? node.get("duplicateOf").asString() : null);
		}
	}

	/**
	 * Every invalid example of the contract is refused or made harmless, each as the
	 * contract's README says a consumer handles it; an invalid example added without
	 * saying how this service handles it fails here.
	 */
	@Test
	void everyInvalidExampleIsRefusedOrMadeHarmless() throws IOException {
		List<Path> invalid = jsonFiles(CONTRACT.resolve("examples").resolve("invalid"));
		assertThat(invalid).extracting((file) -> file.getFileName().toString())
			.containsExactlyInAnyOrder("missing-request-id.json", "personal-data.json",
					"received-with-another-status.json", "urgency-not-in-the-contract.json");
		for (Path example : invalid) {
			String value = Files.readString(example);
			switch (example.getFileName().toString()) {
				// Refused: the record is dead-lettered, nothing is opened or resolved.
				case "missing-request-id.json" ->
					assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.parser.parse(value));
				// The personal data is never read: the event the service acts on has
				// none.
				case "personal-data.json" ->
					assertThat(this.parser.parse(value).toString()).doesNotContain("555", "0199");
				// The type decides: a received request is paged whatever status it
				// claims.
				case "received-with-another-status.json" ->
					assertThat(this.parser.parse(value).type()).isEqualTo(ContactRequestEvent.RECEIVED);
				// An urgency this service does not know is paged as the most urgent one.
				case "urgency-not-in-the-contract.json" ->
					assertThat(Urgency.known(this.parser.parse(value).urgency())).isEmpty();
				default -> throw new AssertionError("No expected handling for " + example);
			}
		}
	}

	private EscalationProperties configuredEscalation() throws IOException {
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
				new ClassPathResource("application.yml"));
		return new Binder(ConfigurationPropertySources.from(yaml))
			.bind("notification.escalation", EscalationProperties.class)
			.get();
	}

	private List<String> schemaEnum(String property) throws IOException {
		JsonNode schema = this.json
			.readTree(Files.readString(CONTRACT.resolve("intake.contact-requests.v1.schema.json")));
		List<String> values = new ArrayList<>();
		schema.path("properties").path(property).path("enum").forEach((value) -> values.add(value.asString()));
		assertThat(values).as("enum of " + property).isNotEmpty();
		return values;
	}

	private static List<Path> jsonFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
	}

}
