package org.treatmentnetwork.content.articles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An immutable, in-memory Apache Lucene index of the articles the public can read in one
 * requested locale. Each article is indexed with the analyzer of its own language
 * (English: Porter stemming; Spanish: light Spanish stemming; both with stop words), in
 * fields suffixed by that language, so a Spanish listing that falls back to an English
 * article still finds it by its English words.
 *
 * <p>
 * Queries are never parsed with a query syntax: the text is split into words, a word that
 * carries query or regex syntax ({@code * ? $ | { } [ ] ^ \ : ~ + = < > @ #}) is ignored,
 * and each remaining word is analyzed into terms. Each word must match in the title,
 * topics, summary or body (all words when there are one or two, at least two thirds of
 * them otherwise); matches in the title count most, then topics, summary and body. A
 * query with no usable word finds nothing.
 */
final class ArticleSearchIndex {

	/** At most this many words of a query are used; the rest are ignored. */
	static final int MAX_WORDS = 10;

	private static final Map<String, Float> FIELD_BOOSTS = Map.of("title", 4.0f, "topics", 3.0f, "summary", 2.0f,
			"body", 1.0f);

	private static final Map<String, Analyzer> ANALYZERS = Map.of("en", new EnglishAnalyzer(), "es",
			new SpanishAnalyzer());

	private static final Analyzer OTHER = new StandardAnalyzer();

	private static final String WRAPPING = "()[]{}\"'“”‘’«».,;:!?¿¡";

	private final IndexSearcher searcher;

	private final int size;

	private final Set<String> languages;

	private ArticleSearchIndex(IndexSearcher searcher, int size, Set<String> languages) {
		this.searcher = searcher;
		this.size = size;
		this.languages = languages;
	}

	/**
	 * Build and search a tiny index once, so that Lucene's classes (codecs, analyzers,
	 * query classes) are initialized on one thread at startup rather than concurrently by
	 * request and refresh threads later.
	 */
	static void warmUp() {
		ArticleDetail sample = new ArticleDetail("warm-up", "Warm-up", "Warm-up", "Warm-up", List.of("warm-up"), "en",
				"", null, List.of(), null);
		ArticleDetail spanish = new ArticleDetail("calentamiento", "Calentamiento", "Calentamiento", "Calentamiento",
				List.of("calentamiento"), "es", "", null, List.of(), null);
		of(List.of(sample, spanish)).search("warm-up calentamiento");
	}

	/**
	 * Index articles.
	 * @param articles the articles, each in the language it is served in
	 * @return the index
	 */
	static ArticleSearchIndex of(List<ArticleDetail> articles) {
		Map<String, Analyzer> perField = new HashMap<>();
		Set<String> languages = new LinkedHashSet<>();
		for (ArticleDetail article : articles) {
			languages.add(article.locale());
			for (String field : FIELD_BOOSTS.keySet()) {
				perField.put(field + "_" + article.locale(), analyzer(article.locale()));
			}
		}
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory,
				new IndexWriterConfig(new PerFieldAnalyzerWrapper(OTHER, perField)))) {
			for (ArticleDetail article : articles) {
				writer.addDocument(document(article));
			}
			writer.commit();
			return new ArticleSearchIndex(new IndexSearcher(DirectoryReader.open(directory)), articles.size(),
					Set.copyOf(languages));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot build the article search index", ex);
		}
	}

	/**
	 * The slugs matching a query, best first (ties in slug order).
	 * @param q the user's words
	 * @return the matching slugs, empty when nothing matches or no word is usable
	 */
	List<String> search(String q) {
		Query query = query(q);
		if (query == null || this.size == 0) {
			return List.of();
		}
		try {
			ScoreDoc[] hits = this.searcher.search(query, this.size).scoreDocs;
			List<String> slugs = new ArrayList<>(hits.length);
			for (ScoreDoc hit : hits) {
				slugs.add(this.searcher.storedFields().document(hit.doc).get("slug"));
			}
			return slugs;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot search the article index", ex);
		}
	}

	private Query query(String q) {
		List<Query> wordQueries = new ArrayList<>();
		for (String word : words(q)) {
			BooleanQuery.Builder anyField = new BooleanQuery.Builder();
			boolean hasTerms = false;
			for (String language : this.languages) {
				List<String> terms = terms(analyzer(language), word);
				if (terms.isEmpty()) {
					continue;
				}
				hasTerms = true;
				for (Map.Entry<String, Float> field : FIELD_BOOSTS.entrySet()) {
					anyField.add(new BoostQuery(allTerms(field.getKey() + "_" + language, terms), field.getValue()),
							Occur.SHOULD);
				}
			}
			if (hasTerms) {
				wordQueries.add(anyField.build());
			}
		}
		if (wordQueries.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		wordQueries.forEach((wordQuery) -> all.add(wordQuery, Occur.SHOULD));
		int count = wordQueries.size();
		all.setMinimumNumberShouldMatch((count <= 2) ? count : count - count / 3);
		return all.build();
	}

	private static Query allTerms(String field, List<String> terms) {
		if (terms.size() == 1) {
			return new TermQuery(new Term(field, terms.get(0)));
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		terms.forEach((term) -> builder.add(new TermQuery(new Term(field, term)), Occur.MUST));
		return builder.build();
	}

	/**
	 * The usable words of a query: split on white space, control characters removed,
	 * surrounding punctuation stripped; words carrying query or regex syntax dropped; at
	 * most {@link #MAX_WORDS}.
	 * @param q the query text, may be {@code null}
	 * @return the words
	 */
	static List<String> words(String q) {
		if (q == null || q.isBlank()) {
			return List.of();
		}
		List<String> words = new ArrayList<>();
		for (String raw : q.strip().split("\\s+")) {
			String word = strip(withoutControlCharacters(raw));
			if (!word.isEmpty() && isPlainWord(word) && !words.contains(word.toLowerCase(Locale.ROOT))) {
				words.add(word.toLowerCase(Locale.ROOT));
			}
			if (words.size() == MAX_WORDS) {
				break;
			}
		}
		return words;
	}

	private static boolean isPlainWord(String word) {
		return word.codePoints()
			.allMatch((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '\'' || c == '’' || c == '.'
					|| Character.getType(c) == Character.NON_SPACING_MARK);
	}

	private static String strip(String word) {
		int start = 0;
		int end = word.length();
		while (start < end && WRAPPING.indexOf(word.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && WRAPPING.indexOf(word.charAt(end - 1)) >= 0) {
			end--;
		}
		return word.substring(start, end);
	}

	private static String withoutControlCharacters(String word) {
		StringBuilder clean = new StringBuilder(word.length());
		word.codePoints().filter((codePoint) -> !Character.isISOControl(codePoint)).forEach(clean::appendCodePoint);
		return clean.toString();
	}

	private static List<String> terms(Analyzer analyzer, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("q", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	private static Analyzer analyzer(String language) {
		return ANALYZERS.getOrDefault(language, OTHER);
	}

	private static Document document(ArticleDetail article) {
		String language = article.locale();
		Document document = new Document();
		document.add(new StringField("slug", article.slug(), Field.Store.YES));
		document.add(new TextField("title_" + language, article.title(), Field.Store.NO));
		document.add(new TextField("summary_" + language, article.summary(), Field.Store.NO));
		document.add(new TextField("body_" + language, article.body(), Field.Store.NO));
		for (String topic : article.topics()) {
			document.add(new TextField("topics_" + language, topic.replace('-', ' '), Field.Store.NO));
		}
		return document;
	}

}
