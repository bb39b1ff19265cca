package org.treatmentnetwork.content.locales;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.treatmentnetwork.content.problems.InvalidParameterException;

/**
 * Resolves the locale a request asked for to one the service has content in. Only the
 * language matters ({@code en-US}, {@code es_MX} resolve to {@code en}, {@code es}); no
 * locale means the default one. A malformed or unsupported locale is a validation error,
 * so that a client never silently receives a language it did not ask for; a supported
 * locale whose translation of one item is missing falls back to the default locale item
 * by item, and the response says so.
 */
public class ContentLocales {

	private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}");

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
	 * @throws InvalidParameterException if the locale is malformed or not supported
	 */
	public String resolve(String requested) {
		if (requested == null || requested.isBlank()) {
			return this.defaultLocale;
		}
		String tag = requested.strip();
		if (!LANGUAGE_TAG.matcher(tag).matches()) {
			throw unsupported();
		}
		int separator = indexOfSeparator(tag);
		String language = ((separator >= 0) ? tag.substring(0, separator) : tag).toLowerCase(Locale.ROOT);
		if (!this.supported.contains(language)) {
			throw unsupported();
		}
		return language;
	}

	/**
	 * The locale served when no locale was asked for, and the fallback of a missing
	 * translation.
	 * @return the default locale
	 */
	public String defaultLocale() {
		return this.defaultLocale;
	}

	/**
	 * Every supported locale.
	 * @return the supported locales, the default one included
	 */
	public List<String> supported() {
		return this.supported;
	}

	private InvalidParameterException unsupported() {
		return new InvalidParameterException("locale", "must be one of: " + String.join(", ", this.supported));
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
