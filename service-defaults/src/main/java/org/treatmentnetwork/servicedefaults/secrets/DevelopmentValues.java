package org.treatmentnetwork.servicedefaults.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Tells development values from real ones: every value committed in the service's
 * {@code application-local.yml} (each element of a list, and the key of an {@code id:key}
 * pair, counts on its own), key ids starting with {@code dev-}, and placeholders such as
 * {@code change-me}.
 */
public final class DevelopmentValues {

	/** Shorter parts of committed values (ids, flags, durations) are not secrets. */
	private static final int MIN_SECRET_LENGTH = 16;

	private static final Pattern PLACEHOLDER = Pattern.compile("change-?me|replace-?me|not-?secret",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DEV_KEYS_FOLDER = Pattern.compile("(^|[/:\\\\])dev-keys[/\\\\]");

	private final Set<String> committed;

	private DevelopmentValues(Set<String> committed) {
		this.committed = committed;
	}

	/**
	 * The values committed in a classpath resource.
	 * @param resource such as {@code application-local.yml}
	 * @return the development values
	 */
	public static DevelopmentValues committedIn(String resource) {
		ClassPathResource yaml = new ClassPathResource(resource);
		Set<String> values = new HashSet<>();
		if (yaml.exists()) {
			try {
				for (PropertySource<?> source : new YamlPropertySourceLoader().load(resource, yaml)) {
					if (source instanceof EnumerablePropertySource<?> enumerable) {
						for (String name : enumerable.getPropertyNames()) {
							values.addAll(parts(String.valueOf(enumerable.getProperty(name))));
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new DevelopmentValues(Set.copyOf(values));
	}

	/**
	 * Whether a secret is, or contains, a committed development value.
	 */
	public boolean isCommitted(String value) {
		return parts(value).stream().anyMatch(this.committed::contains);
	}

	/**
	 * Whether a value is a placeholder such as {@code change-me-in-production}.
	 */
	public static boolean isPlaceholder(String value) {
		return PLACEHOLDER.matcher(value).find();
	}

	/**
	 * Whether a key id marks a development key ({@code dev-…}).
	 */
	public static boolean isDevelopmentKeyId(String id) {
		return id.strip().toLowerCase(Locale.ROOT).startsWith("dev-");
	}

	/**
	 * Whether a key location points into a {@code dev-keys} folder, where the local stack
	 * keeps the development token key pair.
	 */
	public static boolean isDevelopmentKeyLocation(String location) {
		return DEV_KEYS_FOLDER.matcher(location).find();
	}

	private static Set<String> parts(String value) {
		Set<String> parts = new HashSet<>();
		for (String element : value.split(",")) {
			String part = element.strip();
			int colon = part.indexOf(':');
			for (String candidate : new String[] { part, (colon >= 0) ? part.substring(colon + 1).strip() : "" }) {
				if (candidate.length() >= MIN_SECRET_LENGTH) {
					parts.add(candidate);
				}
			}
		}
		return parts;
	}

}
