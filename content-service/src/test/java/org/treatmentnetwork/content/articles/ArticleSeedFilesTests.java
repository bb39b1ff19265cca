package org.treatmentnetwork.content.articles;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.treatmentnetwork.content.seed.SeedFileReader;
import org.treatmentnetwork.content.support.ContentInvariants;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged seed articles parse, validate, and carry none of the original article's
 * factual errors.
 */
class ArticleSeedFilesTests {

	private static final Set<String> OFFICIAL_SOURCE_HOSTS = Set.of("nida.nih.gov", "www.samhsa.gov", "samhsa.gov",
			"store.samhsa.gov", "www.cdc.gov", "www.fda.gov", "findtreatment.gov", "988lifeline.org");

	private static final String TIP_63 = "https://store.samhsa.gov/product/tip-63-medications-opioid-use-disorder/pep21-02-01-002";

	private static final String CDC_FENTANYL_FACTS = "https://www.cdc.gov/overdose-prevention/about/fentanyl.html";

	/** A withdrawal timeline: a span of hours or days, in English or Spanish. */
	private static final Pattern TIMELINE = Pattern.compile(
			"\\b\\d+ (to|a|y) \\d+ (hours|days|horas|días)\\b|within hours|a las pocas horas|entre el día \\d+ y el día \\d+");

	private static ValidatorFactory validation;

	private static List<ArticleSeed> articles;

	@BeforeAll
	static void readSeedFiles() {
		validation = Validation.buildDefaultValidatorFactory();
		SeedFileReader reader = new SeedFileReader(JsonMapper.builder().build(), validation.getValidator());
		articles = reader.read(ArticleSeeder.LOCATION, ArticleSeed.class);
	}

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void theSevenSeedArticlesArePresentInEnglishAndPublished() {
		assertThat(articles.stream().filter((a) -> a.locale().equals("en"))).extracting(ArticleSeed::slug)
			.containsExactlyInAnyOrder("where-heroin-comes-from", "why-heroin-is-so-addictive", "getting-off-heroin",
					"medications-for-opioid-use-disorder", "overdose-and-naloxone", "what-to-expect-in-detox",
					"helping-a-loved-one");
		assertThat(articles).allSatisfy((article) -> {
			assertThat(article.locale()).isIn("en", "es");
			assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
		});
	}

	@Test
	void everyArticleExistsInSpanish() {
		List<ArticleSeed> spanish = articles.stream().filter((a) -> a.locale().equals("es")).toList();
		assertThat(spanish).extracting(ArticleSeed::slug)
			.containsExactlyInAnyOrderElementsOf(
					articles.stream().filter((a) -> a.locale().equals("en")).map(ArticleSeed::slug).toList());
		ArticleSeed moud = spanish.stream()
			.filter((a) -> a.slug().equals("medications-for-opioid-use-disorder"))
			.findFirst()
			.orElseThrow();
		assertThat(moud.body()).contains("**No alivia la abstinencia**", "7 a 10 días sin opioides", "MOUD", "MAT");
		assertThat(spanish).allSatisfy((article) -> assertThat(article.body()).contains("1-800-662-4357", "911", "988",
				"marque 2", "AYUDA", "solo en inglés"));
	}

	@Test
	void everyArticleGivingAWithdrawalTimelineCitesTip63() {
		List<ArticleSeed> timelines = articles.stream()
			.filter((article) -> TIMELINE.matcher(article.body()).find())
			.toList();
		assertThat(timelines).extracting(ArticleSeed::key)
			.contains("what-to-expect-in-detox/en", "what-to-expect-in-detox/es", "why-heroin-is-so-addictive/en",
					"why-heroin-is-so-addictive/es");
		assertThat(timelines).allSatisfy((article) -> assertThat(article.sources()).as(article.key())
			.extracting(ArticleSeed.Source::url)
			.contains(TIP_63));
	}

	@Test
	void everyArticleNamingThe988LifelineCitesItInItsLanguage() {
		List<ArticleSeed> naming988 = articles.stream().filter((article) -> article.body().contains("988")).toList();
		assertThat(naming988).hasSameSizeAs(articles);
		assertThat(naming988).allSatisfy((article) -> assertThat(article.sources()).as(article.key())
			.extracting(ArticleSeed.Source::url)
			.contains(article.locale().equals("es") ? "https://988lifeline.org/es/home/" : "https://988lifeline.org/"));
	}

	@Test
	void fentanylFactsAreCitedFromTheCdcFentanylPage() {
		assertThat(articles).allSatisfy((article) -> assertThat(article.sources()).as(article.key())
			.filteredOn((source) -> source.title().toLowerCase(Locale.ROOT).contains("fentanyl"))
			.allSatisfy((source) -> assertThat(source.url()).isEqualTo(CDC_FENTANYL_FACTS)));
		assertThat(articles).filteredOn((article) -> article.slug().equals("where-heroin-comes-from"))
			.hasSize(2)
			.allSatisfy((article) -> assertThat(article.sources()).extracting(ArticleSeed.Source::url)
				.contains(CDC_FENTANYL_FACTS)
				.doesNotContain("https://www.cdc.gov/stop-overdose/caring/index.html"));
	}

	@Test
	void fileNamesMatchSlugAndLocale() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources(ArticleSeeder.LOCATION);
		Set<String> names = Arrays.stream(files).map(Resource::getFilename).collect(Collectors.toSet());
		assertThat(names)
			.isEqualTo(articles.stream().map((a) -> a.slug() + "." + a.locale() + ".json").collect(Collectors.toSet()));
	}

	@Test
	void noArticleClaimsAClinicalReviewThatHasNotHappened() {
		assertThat(articles).allSatisfy((article) -> {
			assertThat(article.reviewedBy()).isEqualTo(ArticleSeed.PENDING_REVIEW);
			assertThat(article.lastReviewed()).isNull();
		});
	}

	@Test
	void everyArticleCitesOfficialPublicSources() {
		assertThat(articles).allSatisfy((article) -> assertThat(article.sources()).isNotEmpty()
			.allSatisfy((source) -> assertThat(URI.create(source.url()).getHost()).isIn(OFFICIAL_SOURCE_HOSTS)));
	}

	@Test
	void noArticleRepeatsAnErrorOfTheOriginal() {
		assertThat(articles).allSatisfy((article) -> assertThat(
				ContentInvariants.knownErrors(article.title() + "\n" + article.summary() + "\n" + article.body()))
			.as(article.slug())
			.isEmpty());
	}

	@Test
	void theInvariantCheckRecognisesTheOriginalMistakes() {
		String original = "Heroin comes from Papevar somniferous. Medications such as methadone, buprenorphine, "
				+ "or naltrexone may alleviate withdrawal symptoms. Support groups, such as Alcoholics Anonymous (AA).";
		assertThat(ContentInvariants.knownErrors(original)).hasSize(3);
		String spanish = "La heroína viene de Papevar somniferous. Medicamentos como la metadona, la buprenorfina "
				+ "o la naltrexona alivian la abstinencia. Grupos de apoyo como Alcohólicos Anónimos.";
		assertThat(ContentInvariants.knownErrors(spanish)).hasSize(3);
		assertThat(ContentInvariants.knownErrors("La naltrexona no alivia la abstinencia.")).isEmpty();
	}

	@Test
	void whereHeroinComesFromNamesThePoppyAndTheSeedPod() {
		String body = article("where-heroin-comes-from").body();
		assertThat(body).contains("*Papaver somniferum*", "unripe seed pod", "diacetylmorphine");
		assertThat(spanishArticle("where-heroin-comes-from").body()).contains("*Papaver somniferum*",
				"**cápsula verde**", "**diacetilmorfina**");
	}

	@Test
	void whyHeroinIsSoAddictiveExplainsTheRewardMechanism() {
		String body = article("why-heroin-is-so-addictive").body();
		assertThat(body).contains("6-monoacetylmorphine", "mu-opioid receptors", "GABA neurons act like a brake",
				"release more dopamine", "nucleus accumbens");
		assertThat(spanishArticle("why-heroin-is-so-addictive").body()).contains("6-monoacetilmorfina",
				"receptores opioides mu", "neuronas GABA actúan como un freno", "liberan más dopamina",
				"núcleo accumbens");
	}

	@Test
	void gettingOffHeroinRecommendsSupervisedWithdrawalAndOngoingTreatment() {
		ArticleSeed article = article("getting-off-heroin");
		assertThat(article.body()).contains("buprenorphine", "methadone", "Why detox alone is not enough",
				"lost tolerance", "naloxone", "Narcotics Anonymous", "SMART Recovery");
		assertThat(article.summary()).contains("medically supervised withdrawal");
	}

	@Test
	void medicationsArticleIsFindableAsMoudAndMatAndGetsNaltrexoneRight() {
		ArticleSeed article = article("medications-for-opioid-use-disorder");
		assertThat(article.topics()).contains("moud", "mat");
		assertThat(article.body()).contains("medications for opioid use disorder (MOUD)",
				"medication-assisted treatment (MAT)", "**does not relieve withdrawal**", "7 to 10 opioid-free days",
				"Lofexidine", "Clonidine");
	}

	@Test
	void overdoseArticleSaysCall911AndGiveNaloxone() {
		String body = article("overdose-and-naloxone").body();
		assertThat(body).contains("**Call 911.**", "**Give naloxone**", "over the counter");
	}

	@Test
	void detoxArticleCoversTheTimelineMedicationAndTheRiskAfterwards() {
		ArticleSeed article = article("what-to-expect-in-detox");
		assertThat(article.body()).contains("medically supervised withdrawal", "**Buprenorphine**", "**Methadone**",
				"Methadone (a long-acting opioid)",
				"**Naltrexone** is different: it blocks opioids and does not relieve", "Inpatient detox",
				"Outpatient detox", "Detox is a first step, not the whole treatment", "loses its tolerance",
				"**naloxone**");
		assertThat(article.topics()).contains("detox", "withdrawal").doesNotContain("naloxone", "buprenorphine");
	}

	@Test
	void familiesArticleCoversOverdoseCraftMedicationAndSupport() {
		ArticleSeed article = article("helping-a-loved-one");
		assertThat(article.body()).contains("**Call 911.**", "**Give naloxone**", "over the counter",
				"Good Samaritan laws", "Community Reinforcement and Family Training (CRAFT)",
				"not \"replacing one drug with another\"", "Nar-Anon", "SMART Recovery Family & Friends",
				"contact form");
		assertThat(article.topics()).contains("families").doesNotContain("naloxone", "buprenorphine");
	}

	@Test
	void newArticlesSaySameThingsInSpanish() {
		for (String slug : List.of("what-to-expect-in-detox", "helping-a-loved-one")) {
			ArticleSeed english = article(slug);
			ArticleSeed spanish = spanishArticle(slug);
			assertThat(spanish.topics()).isEqualTo(english.topics());
			assertThat(spanish.sources()).hasSameSizeAs(english.sources());
			assertThat(spanish.body()).contains("naloxona", "1-800-662-4357", "911", "988");
		}
		assertThat(spanishArticle("what-to-expect-in-detox").body()).contains("**naltrexona** es distinta",
				"no alivia la abstinencia", "7 a 10 días");
		assertThat(spanishArticle("helping-a-loved-one").body()).contains("CRAFT", "Nar-Anon",
				"no es \"cambiar una droga por otra\"", "Buen Samaritano");
	}

	private static ArticleSeed spanishArticle(String slug) {
		return articles.stream()
			.filter((a) -> a.slug().equals(slug) && a.locale().equals("es"))
			.findFirst()
			.orElseThrow();
	}

	private static ArticleSeed article(String slug) {
		return articles.stream().filter((a) -> a.slug().equals(slug)).findFirst().orElseThrow();
	}

}
