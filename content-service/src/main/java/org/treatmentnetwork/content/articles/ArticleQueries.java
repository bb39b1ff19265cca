package org.treatmentnetwork.content.articles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Builds the MongoDB criteria of an article listing. User input only ever becomes a
 * literal value: topics are compared for equality, and each word of {@code q} becomes an
 * escaped, case-insensitive regular expression that matches the word literally, so no
 * input can turn into a query operator or a regex construct.
 *
 * <p>
 * This literal word matching serves the editors' listing; the public search is ranked
 * (see {@link ArticleSearchIndex}).
 */
final class ArticleQueries {

	/** At most this many words of {@code q} are used; the rest are ignored. */
	static final int MAX_WORDS = 10;

	private ArticleQueries() {
	}

	static Criteria criteria(ArticleFilter filter) {
		List<Criteria> parts = new ArrayList<>();
		if (filter.status() != null) {
			parts.add(Criteria.where("status").is(filter.status().name()));
		}
		parts.add(Criteria.where("locale").is(filter.locale()));
		String topic = normalizeTopic(filter.topic());
		if (topic != null) {
			parts.add(Criteria.where("topics").is(topic));
		}
		for (String word : words(filter.q())) {
			String pattern = literalPattern(word);
			parts.add(new Criteria().orOperator(Criteria.where("title").regex(pattern, "i"),
					Criteria.where("summary").regex(pattern, "i"), Criteria.where("topics").regex(pattern, "i")));
		}
		return new Criteria().andOperator(parts);
	}

	static String normalizeTopic(String topic) {
		if (topic == null || topic.isBlank()) {
			return null;
		}
		return topic.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The distinct words of a query: split on white space, control characters removed, at
	 * most {@link #MAX_WORDS}.
	 */
	static List<String> words(String q) {
		if (q == null || q.isBlank()) {
			return List.of();
		}
		return Arrays.stream(q.strip().split("\\s+"))
			.map(ArticleQueries::withoutControlCharacters)
			.filter((word) -> !word.isEmpty())
			.distinct()
			.limit(MAX_WORDS)
			.toList();
	}

	/**
	 * A regular expression that matches {@code text} literally, in both Java's and
	 * MongoDB's (PCRE) dialects: every ASCII character that is not a letter or digit is
	 * escaped with a backslash, which both dialects read as the character itself.
	 * Letters, digits and non-ASCII characters carry no special meaning and are kept.
	 */
	static String literalPattern(String text) {
		StringBuilder pattern = new StringBuilder(text.length() * 2);
		text.codePoints().forEach((codePoint) -> {
			if (codePoint < 128 && !Character.isLetterOrDigit(codePoint)) {
				pattern.append('\\');
			}
			pattern.appendCodePoint(codePoint);
		});
		return pattern.toString();
	}

	private static String withoutControlCharacters(String word) {
		StringBuilder clean = new StringBuilder(word.length());
		word.codePoints().filter((codePoint) -> !Character.isISOControl(codePoint)).forEach(clean::appendCodePoint);
		return clean.toString();
	}

}
