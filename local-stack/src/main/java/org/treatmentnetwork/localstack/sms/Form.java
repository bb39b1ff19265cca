package org.treatmentnetwork.localstack.sms;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} bodies and query strings.
 */
final class Form {

	private Form() {
	}

	/**
	 * Reads a form body; of a name given twice the first value counts.
	 * @param body the body, may be empty
	 * @return name to value, in the order given
	 * @throws IllegalArgumentException if an escape is malformed
	 */
	static Map<String, String> parse(String body) {
		return parse(body, false);
	}

	/**
	 * Reads a query string, where a literal {@code +} is kept as a plus sign (phone
	 * numbers in E.164 start with one, and query strings have no need for {@code +} as a
	 * space).
	 * @param query the raw query string, may be {@code null}
	 * @return name to value
	 */
	static Map<String, String> parseQuery(String query) {
		return parse(query, true);
	}

	private static Map<String, String> parse(String text, boolean keepPlus) {
		Map<String, String> values = new LinkedHashMap<>();
		if (text == null || text.isEmpty()) {
			return values;
		}
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			values.putIfAbsent(decode(name, keepPlus), decode(value, keepPlus));
		}
		return values;
	}

	private static String decode(String text, boolean keepPlus) {
		return URLDecoder.decode(keepPlus ? text.replace("+", "%2B") : text, StandardCharsets.UTF_8);
	}

	/**
	 * Writes a form body.
	 * @param values name to value
	 * @return the encoded body
	 */
	static String encode(Map<String, String> values) {
		StringJoiner body = new StringJoiner("&");
		values.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
		return body.toString();
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
