package org.treatmentnetwork.content.locales;

import java.util.List;
import java.util.Locale;

/**
 * Resolves the locale a request asked for to one the service has content in. Only the
 * language matters ({@code en-US} and {@code en_GB} resolve to {@code en}); anything
 * missing, malformed or unsupported falls back to the default locale.
 */
public class ContentLocales {

	private final String defaultLocale;

	private final List<String> supported;

	ContentLocales(LocalesProperties properties) {
		this.defaultLocale = properties.defaultLocale().toLowerCase(Locale.ROOT);
		this.supported = properties.supported().stream().map((locale) -> locale.toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * The supported locale to serve for the requested one.
	 * @param requested the locale the client asked for, may be {@code null}
	 * @return a supported locale, never {@code null}
	 */
	public String resolve(String requested) {
		if (requested == null) {
			return this.defaultLocale;
		}
		String language = requested.strip();
		int separator = indexOfSeparator(language);
		if (separator >= 0) {
			language = language.substring(0, separator);
		}
		language = language.toLowerCase(Locale.ROOT);
		return this.supported.contains(language) ? language : this.defaultLocale;
	}

	/**
	 * The locale served when no supported locale was asked for.
	 * @return the default locale
	 */
	public String defaultLocale() {
		return this.defaultLocale;
	}

	private static int indexOfSeparator(String tag) {
		int dash = tag.indexOf('-');
		int underscore = tag.indexOf('_');
		if (dash < 0) {
			return underscore;
		}
		return (underscore < 0) ? dash : Math.min(dash, underscore);
	}

}
