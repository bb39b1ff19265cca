package org.treatmentnetwork.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape of {@code docker-compose.yml}: no service with the {@code local}
 * profile, every service logging structured JSON, only the gateway published (and
 * Mailpit's UI on loopback), secrets required from the operator's {@code .env}, every
 * variable named without a value in {@code .env.example}, and placeholders for CI's
 * {@code docker-compose config} check.
 */
class ComposeFileTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)(:?[-?])?");

	private static final List<String> SECRETS = List.of("INTAKE_ENCRYPTION_KEYS", "INTAKE_ENCRYPTION_CURRENT_KEY_ID",
			"INTAKE_ENCRYPTION_LOOKUP_KEYS", "INTAKE_ENCRYPTION_CURRENT_LOOKUP_KEY_ID", "ALERT_LINK_SECRET",
			"REDIS_PASSWORD", "STAFF_TOKEN_JWK_SET_URI", "STAFF_TOKEN_ISSUER", "STAFF_TOKEN_AUDIENCE");

	private static final List<String> SERVICES = List.of("content-service", "intake-service", "notification-service",
			"gateway");

	private final String compose = read("docker-compose.yml");

	@Test
	void noServiceRunsWithTheLocalProfile() {
		services().forEach((name, service) -> {
			assertThat(environment(service)).as(name).doesNotContainKey("SPRING_PROFILES_ACTIVE");
			assertThat(String.valueOf(service.get("command"))).as(name).doesNotContain("spring.profiles.active");
		});
		assertThat(this.compose).doesNotContainIgnoringCase("profiles.active").doesNotContain("PROFILES_ACTIVE");
	}

	@Test
	void onlyTheGatewayIsPublishedAndMailpitsUiOnLoopback() {
		Map<String, Object> published = new LinkedHashMap<>();
		services().forEach((name, service) -> {
			if (service.containsKey("ports")) {
				published.put(name, service.get("ports"));
			}
			assertThat(service).as(name).doesNotContainKey("network_mode");
		});

		assertThat(published).containsOnlyKeys("gateway", "mailpit");
		assertThat(published.get("gateway")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly("8080:8080");
		assertThat(published.get("mailpit")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly("127.0.0.1:8025:8025");
	}

	@Test
	void everyServiceLogsStructuredJson() {
		Map<String, Object> formats = new LinkedHashMap<>();
		services().forEach((name, service) -> {
			if (service.containsKey("build")) {
				formats.put(name, environment(service).get("LOGGING_STRUCTURED_FORMAT_CONSOLE"));
			}
		});

		assertThat(formats).containsOnlyKeys(SERVICES)
			.allSatisfy((name, format) -> assertThat(format).as(name).isEqualTo("ecs"));
	}

	@Test
	void secretsAreRequiredFromTheEnvironmentWithoutDefaults() {
		Map<String, Set<String>> forms = variableForms(this.compose);
		for (String secret : SECRETS) {
			assertThat(forms.get(secret)).as(secret).containsOnly("");
		}
		assertThat(this.compose).doesNotContain("change-me");
	}

	@Test
	void envExampleNamesEveryVariableWithoutAValue() {
		Map<String, String> example = assignments(read(".env.example"));

		assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(variableForms(this.compose).keySet());
		assertThat(example).allSatisfy((name, value) -> assertThat(value).as(name).isEmpty());
	}

	@Test
	void ciHasAPlaceholderForEveryRequiredVariable() {
		Set<String> required = new TreeSet<>();
		variableForms(this.compose).forEach((name, forms) -> {
			if (forms.equals(Set.of(""))) {
				required.add(name);
			}
		});

		assertThat(required).containsExactlyInAnyOrderElementsOf(SECRETS);
		assertThat(assignments(read(".ci/compose.env"))).containsOnlyKeys(required)
			.allSatisfy((name, value) -> assertThat(value).as(name).startsWith("ci-placeholder"));
		assertThat(read(".ci/run")).contains("docker-compose --env-file .ci/compose.env -f docker-compose.yml config");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> services() {
		Map<String, Object> document = new Yaml().load(this.compose);
		return (Map<String, Map<String, Object>>) document.get("services");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		Object environment = service.get("environment");
		return (environment instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	/**
	 * Each variable the file interpolates, with the forms used ({@code :?}, {@code :-},
	 * none).
	 */
	private static Map<String, Set<String>> variableForms(String text) {
		Map<String, Set<String>> forms = new LinkedHashMap<>();
		Matcher matcher = VARIABLE.matcher(text);
		while (matcher.find()) {
			forms.computeIfAbsent(matcher.group(1), (name) -> new TreeSet<>())
				.add((matcher.group(2) != null) ? matcher.group(2) : "");
		}
		return forms;
	}

	private static Map<String, String> assignments(String text) {
		Map<String, String> assignments = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				int equals = trimmed.indexOf('=');
				assignments.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
			}
		}
		return assignments;
	}

	private static String read(String file) {
		try {
			return Files.readString(ROOT.resolve(file));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + file, ex);
		}
	}

}
