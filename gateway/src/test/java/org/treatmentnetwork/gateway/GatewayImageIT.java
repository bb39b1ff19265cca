package org.treatmentnetwork.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's container image as the package phase builds it with Jib, with no registry
 * and no Docker engine ({@code target/gateway-image.tar}, the format {@code docker load}
 * reads): its entrypoint and user, the Java runtime and C library under the application,
 * every jar of the class path in it, and that runtime starting with the image's own
 * dynamic loader and C library (not this machine's), which is what a container runtime
 * does.
 */
class GatewayImageIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JsonNode manifest;

	private static JsonNode config;

	/** Every file of every layer, by path without the leading slash. */
	private static final Map<String, Entry> files = new LinkedHashMap<>();

	@BeforeAll
	static void readTheTarball() throws IOException {
		Path tarball = Path.of(System.getProperty("image.tarball", "target/gateway-image.tar"));
		assertThat(tarball).as("built by the package phase (jib:buildTar@image-tarball)").isRegularFile();
		Map<String, byte[]> outer = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(tarball)) {
			for (Entry entry : Tar.read(in)) {
				outer.put(entry.name(), entry.content());
			}
		}
		manifest = JSON.readTree(outer.get("manifest.json")).get(0);
		config = JSON.readTree(outer.get(manifest.get("Config").asString()));
		for (JsonNode layer : manifest.get("Layers")) {
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(outer.get(layer.asString())))) {
				for (Entry entry : Tar.read(in)) {
					files.put(strip(entry.name()), entry);
				}
			}
		}
	}

	@Test
	void itIsTaggedAndRunsTheGatewayAsAnUnprivilegedUserOnItsOwnJava() {
		assertThat(manifest.get("RepoTags").get(0).asString()).startsWith("treatment-network/gateway:");
		JsonNode container = config.get("config");
		assertThat(container.get("User").asString()).isEqualTo("10001");
		List<String> entrypoint = new ArrayList<>();
		container.get("Entrypoint").forEach((part) -> entrypoint.add(part.asString()));
		assertThat(entrypoint).startsWith("java")
			.contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-cp", "@/app/jib-classpath-file")
			.endsWith("org.treatmentnetwork.gateway.GatewayApplication");
		List<String> environment = new ArrayList<>();
		container.get("Env").forEach((variable) -> environment.add(variable.asString()));
		assertThat(environment).contains("PATH=/opt/java/bin", "JAVA_HOME=/opt/java");
	}

	@Test
	void theRuntimeTheCLibraryAndEveryJarOfTheClassPathAreInIt() {
		assertThat(files.get("opt/java/bin/java")).satisfies((java) -> assertThat(java.executable()).isTrue());
		assertThat(files.get("lib64/ld-linux-x86-64.so.2"))
			.satisfies((loader) -> assertThat(loader.executable()).isTrue());
		assertThat(files).containsKeys("lib/x86_64-linux-gnu/libc.so.6", "opt/java/lib/libjli.so",
				"opt/java/lib/server/libjvm.so", "opt/java/lib/modules", "tmp", "etc/nsswitch.conf");
		assertThat(new String(files.get("etc/passwd").content(), StandardCharsets.UTF_8)).contains("app:x:10001:");
		String classPath = new String(files.get("app/jib-classpath-file").content(), StandardCharsets.UTF_8).trim();
		List<String> entries = List.of(classPath.split(":"));
		assertThat(entries).hasSizeGreaterThan(50)
			.anySatisfy((entry) -> assertThat(entry).contains("spring-cloud-gateway-server-webflux"))
			.allSatisfy((entry) -> assertThat(files).containsKey(strip(entry)));
	}

	@Test
	void itsJavaStartsOnItsOwnLoaderAndCLibrary(@TempDir Path root) throws Exception {
		for (Entry entry : files.values()) {
			String name = strip(entry.name());
			if (!(name.startsWith("opt/java/") || name.startsWith("lib/") || name.startsWith("lib64/"))) {
				continue;
			}
			Path target = root.resolve(name);
			switch (entry.type()) {
				case '5' -> Files.createDirectories(target);
				case '2' -> {
					Files.createDirectories(target.getParent());
					Files.createSymbolicLink(target, Path.of(entry.linkName()));
				}
				default -> {
					Files.createDirectories(target.getParent());
					Files.write(target, entry.content());
					if (entry.executable()) {
						Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
					}
				}
			}
		}
		// The image's loader with the image's libraries only: nothing of this machine's
		// C library is used, as in a container.
		Process process = new ProcessBuilder(root.resolve("lib64/ld-linux-x86-64.so.2").toString(), "--library-path",
				root.resolve("lib/x86_64-linux-gnu").toString(), root.resolve("opt/java/bin/java").toString(),
				"--list-modules")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("java.base@25", "java.net.http", "jdk.unsupported", "java.desktop", "jdk.jfr");
	}

	private static String strip(String name) {
		String stripped = name.startsWith("/") ? name.substring(1) : name;
		return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
	}

	/**
	 * One entry of a tar archive.
	 *
	 * @param name its path
	 * @param type the tar type flag: {@code '0'} a file, {@code '5'} a directory,
	 * {@code '2'} a symbolic link
	 * @param mode its permission bits
	 * @param linkName a link's target
	 * @param content a file's bytes
	 */
	record Entry(String name, char type, int mode, String linkName, byte[] content) {

		boolean executable() {
			return (this.mode & 0111) != 0;
		}

	}

	/**
	 * Reads the tar archives Jib writes (POSIX ustar, with PAX or GNU headers for long
	 * names).
	 */
	static final class Tar {

		private Tar() {
		}

		static List<Entry> read(InputStream in) throws IOException {
			List<Entry> entries = new ArrayList<>();
			String longName = null;
			while (true) {
				byte[] header = in.readNBytes(512);
				if (header.length < 512 || header[0] == 0) {
					return entries;
				}
				String name = text(header, 0, 100);
				String prefix = text(header, 345, 155);
				if (!prefix.isEmpty()) {
					name = prefix + "/" + name;
				}
				int mode = (int) octal(header, 100, 8);
				long size = octal(header, 124, 12);
				char type = (header[156] == 0) ? '0' : (char) header[156];
				String linkName = text(header, 157, 100);
				byte[] content = in.readNBytes((int) size);
				in.readNBytes((int) ((512 - size % 512) % 512));
				if (type == 'L') {
					longName = text(content, 0, content.length);
					continue;
				}
				if (type == 'x') {
					longName = paxPath(content);
					continue;
				}
				if (longName != null) {
					name = longName;
					longName = null;
				}
				entries.add(new Entry(name, type, mode, linkName, content));
			}
		}

		private static String paxPath(byte[] records) {
			for (String record : new String(records, StandardCharsets.UTF_8).split("\n")) {
				int space = record.indexOf(' ');
				if (space > 0 && record.startsWith("path=", space + 1)) {
					return record.substring(space + 6);
				}
			}
			return null;
		}

		private static String text(byte[] bytes, int offset, int length) {
			int end = offset;
			while (end < offset + length && end < bytes.length && bytes[end] != 0) {
				end++;
			}
			return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
		}

		private static long octal(byte[] bytes, int offset, int length) {
			String value = text(bytes, offset, length).trim();
			return value.isEmpty() ? 0 : Long.parseLong(value, 8);
		}

	}

}
