package org.treatmentnetwork.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Kubernetes manifests of {@code deploy/k8s} against the JSON schemas of their kinds
 * in {@code deploy/k8s/schemas} (Kubernetes 1.34, strict: a misspelled or unknown field,
 * a wrong type or a missing required field fails; {@code README.md} there says where they
 * come from), without a cluster and without the network.
 * <ul>
 * <li>Every YAML document of every {@code *.yaml} file except the
 * {@code kustomization.yaml} files (which are kustomize's configuration, not Kubernetes
 * objects) is validated; each is a complete object, as none of the overlays keeps a patch
 * in a file of its own. A kind of the Kubernetes API without a vendored schema fails the
 * test, and so does a vendored schema no manifest uses.</li>
 * <li>The custom resources of {@code dependencies/} (Strimzi {@code Kafka},
 * {@code KafkaNodePool}, {@code KafkaTopic}; {@code MongoDBCommunity}) have no schema
 * here, their CRDs belong to the operators: only their shape as Kubernetes objects is
 * checked (apiVersion, kind, a DNS-1123 name, string labels, a {@code spec}).</li>
 * <li>The overlays' patches are inline JSON patches in their {@code kustomization.yaml},
 * partial by nature: each must target a kind (and name) that the resources of its
 * kustomization define, as must {@code replicas} and the merged ConfigMap generators, and
 * every file a kustomization names must exist. What the patches produce is validated by
 * rendering each overlay with {@code kubectl kustomize} and validating every rendered
 * document, the generated ConfigMaps among them; without {@code kubectl} on the PATH that
 * test is skipped and says so.</li>
 * </ul>
 * Not checked: anything only a cluster knows (admission, defaults, the custom resources'
 * CRDs), and integer formats (the schemas only know numbers).
 */
class KubernetesManifestsTests {

	private static final Path K8S = Path.of("..", "deploy", "k8s");

	private static final Path SCHEMAS = K8S.resolve("schemas");

	/** Custom resources by apiVersion: no schema of the Kubernetes API covers them. */
	private static final Map<String, Set<String>> CUSTOM_RESOURCES = Map.of("kafka.strimzi.io/v1",
			Set.of("Kafka", "KafkaNodePool", "KafkaTopic"), "mongodbcommunity.mongodb.com/v1",
			Set.of("MongoDBCommunity"));

	private static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private static final Pattern KUSTOMIZE_5 = Pattern.compile("Kustomize Version: v([5-9]|[1-9][0-9])\\.");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	private final Map<String, Schema> schemas = new LinkedHashMap<>();

	@Test
	void everyManifestMatchesTheSchemaOfItsKind() {
		List<Manifest> manifests = manifests().stream().filter((manifest) -> !manifest.isCustomResource()).toList();

		assertThat(manifests).extracting(Manifest::kind)
			.contains("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget", "HorizontalPodAutoscaler",
					"NetworkPolicy", "Ingress");
		assertThat(manifests.stream().flatMap((manifest) -> violations(manifest).stream())).isEmpty();
	}

	@Test
	void customResourcesHaveTheShapeOfAKubernetesObject() {
		List<Manifest> resources = manifests().stream().filter(Manifest::isCustomResource).toList();

		assertThat(resources).extracting(Manifest::kind)
			.containsExactlyInAnyOrder("KafkaNodePool", "Kafka", "KafkaTopic", "KafkaTopic", "MongoDBCommunity");
		assertThat(resources).allSatisfy((resource) -> {
			assertThat(resource.document()).as(resource.toString())
				.containsOnlyKeys("apiVersion", "kind", "metadata", "spec");
			Map<String, Object> metadata = map(resource.document().get("metadata"));
			assertThat(metadata).as(resource.toString()).containsKey("name").doesNotContainKey("namespace");
			assertThat(resource.name()).as(resource.toString()).matches(DNS_SUBDOMAIN).hasSizeLessThanOrEqualTo(253);
			assertThat(map(metadata.getOrDefault("labels", Map.of())).values()).as(resource.toString())
				.allSatisfy((value) -> assertThat(value).isInstanceOf(String.class));
			assertThat(map(resource.document().get("spec"))).as(resource.toString()).isNotEmpty();
		});
	}

	@Test
	void everyVendoredSchemaIsForAKindTheManifestsUse() throws IOException {
		Set<String> used = new TreeSet<>();
		manifests().stream().filter((manifest) -> !manifest.isCustomResource()).forEach((manifest) -> {
			used.add(schemaFile(manifest.apiVersion(), manifest.kind()));
		});
		// The configMapGenerator of base/kustomization.yaml.
		used.add(schemaFile("v1", "ConfigMap"));

		try (Stream<Path> files = Files.list(SCHEMAS)) {
			assertThat(files.map((file) -> file.getFileName().toString()).filter((name) -> name.endsWith(".json")))
				.containsExactlyInAnyOrderElementsOf(used);
		}
	}

	@Test
	void kustomizationsNameExistingFilesAndPatchWhatTheirResourcesDefine() {
		for (Path kustomization : kustomizations()) {
			Path directory = kustomization.getParent();
			Map<String, Object> configuration = map(loadAll(read(kustomization)).get(0));
			List<Manifest> resources = resources(directory);
			Set<String> generators = generators(directory);

			assertThat(resources).as(kustomization.toString()).isNotEmpty();
			for (Object patch : list(configuration.get("patches"))) {
				Map<String, Object> target = map(map(patch).get("target"));
				assertThat(map(patch)).as(kustomization + ": inline patches only").containsKey("patch");
				assertThat(resources).as(kustomization + ": patch target " + target)
					.anySatisfy((resource) -> assertThat(resource.matches(target)).isTrue());
			}
			for (Object replicas : list(configuration.get("replicas"))) {
				Map<String, Object> target = Map.of("kind", "Deployment", "name", map(replicas).get("name"));
				assertThat(resources).as(kustomization + ": replicas " + target)
					.anySatisfy((resource) -> assertThat(resource.matches(target)).isTrue());
			}
			for (Object generator : list(configuration.get("configMapGenerator"))) {
				Map<String, Object> configMap = map(generator);
				for (Object env : list(configMap.get("envs"))) {
					assertThat(directory.resolve((String) env)).as(kustomization.toString()).isRegularFile();
				}
				if ("merge".equals(configMap.get("behavior"))) {
					assertThat(generators).as(kustomization + ": merged generator")
						.contains((String) configMap.get("name"));
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("overlays")
	void renderedOverlayMatchesTheSchemas(String overlay) throws Exception {
		Path kubectl = onPath("kubectl");
		String unvalidated = ": overlays/" + overlay
				+ " is neither rendered nor validated (the files it is made of are, by everyManifestMatchesTheSchemaOfItsKind)";
		assumeTrue(kubectl != null, "kubectl is not on the PATH" + unvalidated);
		// labels with includeTemplates and inline patches: kustomize 5 (kubectl 1.27 or
		// later).
		String version = run(kubectl, "version", "--client");
		assumeTrue(KUSTOMIZE_5.matcher(version).find(), "the kustomize of " + kubectl + " is older than 5 ("
				+ version.strip().replace('\n', ',') + ")" + unvalidated);

		List<Manifest> rendered = new ArrayList<>();
		List<Object> documents = loadAll(
				run(kubectl, "kustomize", K8S.resolve("overlays").resolve(overlay).toString()));
		for (int index = 0; index < documents.size(); index++) {
			rendered.add(new Manifest(Path.of("overlays", overlay, "(rendered)"), index, map(documents.get(index))));
		}

		assertThat(rendered).extracting(Manifest::kind).contains("ConfigMap", "Deployment", "NetworkPolicy");
		assertThat(rendered).noneMatch(Manifest::isCustomResource);
		assertThat(rendered.stream().flatMap((manifest) -> violations(manifest).stream())).isEmpty();
	}

	@Test
	void misspelledMistypedAndMissingFieldsFailValidation() {
		String valid = """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: example
				spec:
				  replicas: 2
				  selector:
				    matchLabels:
				      app.kubernetes.io/name: example
				  template:
				    metadata:
				      labels:
				        app.kubernetes.io/name: example
				    spec:
				      containers:
				        - name: example
				          image: example:1
				          ports:
				            - containerPort: 8080
				""";
		assertThat(violations(inline(valid))).isEmpty();

		assertThat(violations(inline(valid.replace("  replicas: 2", "  replica: 2")))).singleElement()
			.asString()
			.contains("replica");
		assertThat(violations(inline(valid.replace("containerPort: 8080", "containerPort: [8080]")))).singleElement()
			.asString()
			.contains("containerPort");
		assertThat(violations(inline(valid.replace("  image: example:1", "  imag: example:1")))).singleElement()
			.asString()
			.contains("imag");
		assertThat(violations(inline(valid.replace("- name: example", "- nam: example")))).hasSize(2)
			.anySatisfy((violation) -> assertThat(violation).contains("nam"))
			.anySatisfy((violation) -> assertThat(violation).contains("name"));
		assertThat(violations(inline(valid.replace("apps/v1", "apps/v1beta1")))).isNotEmpty();
	}

	private List<String> violations(Manifest manifest) {
		String file = schemaFile(manifest.apiVersion(), manifest.kind());
		if (!Files.isRegularFile(SCHEMAS.resolve(file))) {
			return List.of(manifest + ": no schema " + SCHEMAS.resolve(file));
		}
		Schema schema = this.schemas.computeIfAbsent(file,
				(name) -> registry.getSchema(read(SCHEMAS.resolve(name)), InputFormat.JSON));
		List<Error> errors = schema.validate(json.valueToTree(manifest.document()));
		return errors.stream().map((error) -> manifest + ": " + error).toList();
	}

	/**
	 * The schema file of a kind, named as kubeconform and kubeval look for it.
	 */
	private static String schemaFile(String apiVersion, String kind) {
		String[] groupVersion = apiVersion.split("/");
		String suffix = (groupVersion.length == 2) ? groupVersion[0].split("\\.")[0] + "-" + groupVersion[1]
				: groupVersion[0];
		return kind.toLowerCase() + "-" + suffix + ".json";
	}

	private static Manifest inline(String yaml) {
		return new Manifest(Path.of("(inline)"), 0, map(new Yaml().load(yaml)));
	}

	/**
	 * Every document of every manifest file, the kustomizations and the schemas aside.
	 */
	private static List<Manifest> manifests() {
		List<Manifest> manifests = new ArrayList<>();
		for (Path file : files()) {
			if (!file.getFileName().toString().equals("kustomization.yaml")) {
				manifests.addAll(documents(file));
			}
		}
		return manifests;
	}

	private static List<Manifest> documents(Path file) {
		List<Manifest> manifests = new ArrayList<>();
		List<Object> documents = loadAll(read(file));
		for (int index = 0; index < documents.size(); index++) {
			manifests.add(new Manifest(K8S.relativize(file), index, map(documents.get(index))));
		}
		return manifests;
	}

	/**
	 * The resources a kustomization builds on, those of the kustomizations it includes
	 * too.
	 */
	private static List<Manifest> resources(Path directory) {
		Map<String, Object> configuration = map(loadAll(read(directory.resolve("kustomization.yaml"))).get(0));
		List<Manifest> resources = new ArrayList<>();
		for (Object entry : list(configuration.get("resources"))) {
			Path resource = directory.resolve((String) entry).normalize();
			if (Files.isDirectory(resource)) {
				assertThat(resource.resolve("kustomization.yaml")).isRegularFile();
				resources.addAll(resources(resource));
			}
			else {
				assertThat(resource).as(directory + ": resource").isRegularFile();
				resources.addAll(documents(resource));
			}
		}
		return resources;
	}

	private static Set<String> generators(Path directory) {
		Map<String, Object> configuration = map(loadAll(read(directory.resolve("kustomization.yaml"))).get(0));
		Set<String> names = new TreeSet<>();
		for (Object entry : list(configuration.get("resources"))) {
			Path resource = directory.resolve((String) entry).normalize();
			if (Files.isDirectory(resource)) {
				names.addAll(generators(resource));
				Map<String, Object> included = map(loadAll(read(resource.resolve("kustomization.yaml"))).get(0));
				list(included.get("configMapGenerator"))
					.forEach((generator) -> names.add((String) map(generator).get("name")));
			}
		}
		return names;
	}

	private static List<Path> kustomizations() {
		return files().stream().filter((file) -> file.getFileName().toString().equals("kustomization.yaml")).toList();
	}

	private static List<Path> files() {
		try (Stream<Path> files = Files.walk(K8S)) {
			List<Path> yaml = files.filter((file) -> file.getFileName().toString().endsWith(".yaml"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
			assertThat(yaml).isNotEmpty();
			return yaml;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> overlays() throws IOException {
		try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
			return overlays.filter(Files::isDirectory)
				.map((overlay) -> overlay.getFileName().toString())
				.sorted()
				.toList();
		}
	}

	private static String run(Path command, String... arguments) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of(command.toString()));
		line.addAll(List.of(arguments));
		Path output = Files.createTempFile("kubectl", ".out");
		try {
			Process process = new ProcessBuilder(line).redirectOutput(output.toFile()).start();
			String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", line)).isTrue();
			assertThat(process.exitValue()).as(String.join(" ", line) + ": " + errors).isZero();
			return Files.readString(output);
		}
		finally {
			Files.delete(output);
		}
	}

	private static Path onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, command);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static List<Object> loadAll(String yaml) {
		List<Object> documents = new ArrayList<>();
		new Yaml().loadAll(yaml).forEach((document) -> {
			if (document != null) {
				documents.add(document);
			}
		});
		return documents;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	/** One YAML document of a file. */
	private record Manifest(Path file, int index, Map<String, Object> document) {

		String apiVersion() {
			return String.valueOf(this.document.get("apiVersion"));
		}

		String kind() {
			return String.valueOf(this.document.get("kind"));
		}

		String name() {
			Object metadata = this.document.get("metadata");
			return (metadata instanceof Map<?, ?> map) ? String.valueOf(map.get("name")) : "null";
		}

		boolean isCustomResource() {
			return CUSTOM_RESOURCES.getOrDefault(apiVersion(), Set.of()).contains(kind());
		}

		boolean matches(Map<String, Object> target) {
			return target.getOrDefault("kind", kind()).equals(kind())
					&& target.getOrDefault("name", name()).equals(name());
		}

		@Override
		public String toString() {
			return this.file + "#" + this.index + " " + kind() + "/" + name();
		}

	}

}
