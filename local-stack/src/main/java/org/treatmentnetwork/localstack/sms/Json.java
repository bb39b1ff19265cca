package org.treatmentnetwork.localstack.sms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the simulator needs: it writes maps, lists, strings, numbers, booleans
 * and {@code null}, and reads a document back into the same (objects as
 * {@link LinkedHashMap}, arrays as {@link ArrayList}, integral numbers as {@link Long},
 * others as {@link Double}).
 */
final class Json {

	private static final int MAX_DEPTH = 32;

	private final String text;

	private int position;

	private Json(String text) {
		this.text = text;
	}

	/**
	 * Writes a value on one line.
	 * @param value a map, list, string, number, boolean or {@code null}
	 * @return the JSON text
	 */
	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value, false, 0);
		return out.toString();
	}

	/**
	 * Writes a value indented by two spaces per level, for files a developer reads.
	 * @param value a map, list, string, number, boolean or {@code null}
	 * @return the JSON text, ending with a line break
	 */
	static String writePretty(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value, true, 0);
		return out.append('\n').toString();
	}

	private static void write(StringBuilder out, Object value, boolean pretty, int level) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String string) {
			quote(out, string);
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			out.append(value);
		}
		else if (value instanceof Number number) {
			double d = number.doubleValue();
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				throw new IllegalArgumentException("not a JSON number: " + d);
			}
			out.append(d);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				out.append(first ? "" : ",");
				first = false;
				newline(out, pretty, level + 1);
				quote(out, String.valueOf(entry.getKey()));
				out.append(pretty ? ": " : ":");
				write(out, entry.getValue(), pretty, level + 1);
			}
			if (!first) {
				newline(out, pretty, level);
			}
			out.append('}');
		}
		else if (value instanceof Iterable<?> list) {
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				out.append(first ? "" : ",");
				first = false;
				newline(out, pretty, level + 1);
				write(out, item, pretty, level + 1);
			}
			if (!first) {
				newline(out, pretty, level);
			}
			out.append(']');
		}
		else {
			quote(out, value.toString());
		}
	}

	private static void newline(StringBuilder out, boolean pretty, int level) {
		if (pretty) {
			out.append('\n').append("  ".repeat(level));
		}
	}

	private static void quote(StringBuilder out, String string) {
		out.append('"');
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/**
	 * Reads a JSON document.
	 * @param text the document
	 * @return its value
	 * @throws IllegalArgumentException if it is not JSON
	 */
	static Object parse(String text) {
		Json parser = new Json(text);
		parser.skipWhitespace();
		Object value = parser.value(0);
		parser.skipWhitespace();
		if (parser.position != text.length()) {
			throw parser.error("unexpected text after the value");
		}
		return value;
	}

	/**
	 * Reads a JSON object.
	 * @param text the document
	 * @return its members
	 * @throws IllegalArgumentException if it is not a JSON object
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> parseObject(String text) {
		Object value = parse(text);
		if (!(value instanceof Map)) {
			throw new IllegalArgumentException("not a JSON object");
		}
		return (Map<String, Object>) value;
	}

	private Object value(int depth) {
		if (depth > MAX_DEPTH) {
			throw error("nested too deeply");
		}
		if (this.position >= this.text.length()) {
			throw error("unexpected end");
		}
		char c = this.text.charAt(this.position);
		return switch (c) {
			case '{' -> object(depth);
			case '[' -> array(depth);
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object(int depth) {
		Map<String, Object> members = new LinkedHashMap<>();
		this.position++;
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return members;
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw error("expected a member name");
			}
			String name = string();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			members.put(name, value(depth + 1));
			skipWhitespace();
			char c = next();
			if (c == '}') {
				return members;
			}
			if (c != ',') {
				throw error("expected ',' or '}'");
			}
		}
	}

	private List<Object> array(int depth) {
		List<Object> items = new ArrayList<>();
		this.position++;
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return items;
		}
		while (true) {
			skipWhitespace();
			items.add(value(depth + 1));
			skipWhitespace();
			char c = next();
			if (c == ']') {
				return items;
			}
			if (c != ',') {
				throw error("expected ',' or ']'");
			}
		}
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				throw error("control character in a string");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escaped = next();
			switch (escaped) {
				case '"', '\\', '/' -> out.append(escaped);
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					if (this.position + 4 > this.text.length()) {
						throw error("unexpected end");
					}
					try {
						out.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					}
					catch (NumberFormatException ex) {
						throw error("bad \\u escape");
					}
					this.position += 4;
				}
				default -> throw error("bad escape");
			}
		}
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.position)) {
			throw error("unexpected character");
		}
		this.position += word.length();
		return value;
	}

	private Number number() {
		int start = this.position;
		while (this.position < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
		String number = this.text.substring(start, this.position);
		if (number.isEmpty()) {
			throw error("unexpected character");
		}
		try {
			if (number.matches("-?(0|[1-9][0-9]{0,17})")) {
				return Long.parseLong(number);
			}
			if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
				throw new NumberFormatException();
			}
			return Double.parseDouble(number);
		}
		catch (NumberFormatException ex) {
			throw error("bad number");
		}
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
	}

	private char peek() {
		return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
	}

	private char next() {
		if (this.position >= this.text.length()) {
			throw error("unexpected end");
		}
		return this.text.charAt(this.position++);
	}

	private void expect(char c) {
		if (next() != c) {
			throw error("expected '" + c + "'");
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("invalid JSON at " + this.position + ": " + what);
	}

}
