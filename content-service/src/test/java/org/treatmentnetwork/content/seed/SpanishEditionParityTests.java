package org.treatmentnetwork.content.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Spanish seed article and treatment approach says what its English edition says:
 * both editions exist, have the same sections with the same number of list items, cite
 * the same sources, and each carries every safety warning listed here for its slug or
 * key, the English in English words and the Spanish in Spanish words. Each article ends
 * with the crisis lines: in English 988 is said to be open 24/7; in Spanish 988 is
 * reached in Spanish by pressing 2 or texting AYUDA, and the 435748 text line is said to
 * be English only.
 */
class SpanishEditionParityTests {

	private static final String ARTICLES = "classpath:seed/articles/*.json";

	private static final String APPROACHES = "classpath:seed/treatment-approaches/*.json";

	/**
	 * Spanish-language pages a Spanish edition may cite in place of the English edition's
	 * source at the same position.
	 */
	private static final Map<String, String> SPANISH_PAGES = Map.of("https://988lifeline.org/",
			"https://988lifeline.org/es/home/");

	private static final Pattern HEADING = Pattern.compile("^(#{1,6}) \\S.*");

	private static final Pattern BULLET = Pattern.compile("^\\s*[-*] \\S.*");

	private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\. \\S.*");

	/**
	 * The warnings and facts each edition must carry, per article slug or approach key:
	 * what it is, how the English says it, how the Spanish says it. Matched
	 * case-insensitively against the body without Markdown emphasis, on one line.
	 */
	private static final Map<String, List<Warning>> REQUIRED = Map.ofEntries(Map.entry("getting-off-heroin", List.of(
			w("supervised withdrawal with buprenorphine or methadone",
					"buprenorphine or methadone to relieve withdrawal",
					"buprenorfina o metadona para aliviar la abstinencia"),
			w("then continued or lowered slowly", "continues that medication or lowers the dose slowly",
					"continúa ese medicamento o baja la dosis poco a poco"),
			w("detox alone usually ends in relapse", "without follow-up treatment return to opioid use",
					"sin tratamiento posterior vuelven a consumir"),
			w("lost tolerance", "the body loses its tolerance", "el cuerpo pierde la tolerancia"),
			w("naloxone before leaving detox", "before anyone leaves a detox program.{0,80}naloxone",
					"antes de salir de un programa de desintoxicación.{0,80}naloxona"),
			w("alcohol and benzodiazepines add risk", "alcohol and benzodiazepines add risk",
					"el alcohol y las benzodiacepinas aumentan el riesgo"),
			w("buprenorphine too early brings on withdrawal", "taken too early, it can bring on sudden withdrawal",
					"si se toma demasiado pronto puede provocar una abstinencia repentina"),
			w("methadone only through a certified program",
					"methadone is given through a certified opioid treatment program",
					"metadona se da en un programa certificado de tratamiento de opioides"),
			w("symptom medicines do not reduce cravings", "do not reduce cravings",
					"no reducen los deseos de consumir"),
			w("medicines for nausea and sleep", "medicines help with nausea, diarrhea and sleep",
					"medicamentos ayudan con las náuseas, la diarrea y el sueño"),
			w("withdrawing alone without medication is very hard",
					"withdrawing on your own, without medication, is very hard",
					"dejarlo por su cuenta, sin medicación, es muy difícil"),
			w("pregnancy", "if you are pregnant.{0,80}talk to a clinician before stopping",
					"si está embarazada.{0,80}hable con un profesional antes de dejar"),
			w("naltrexone only after 7 to 10 opioid-free days", "opioid-free for about 7 to 10 days",
					"de 7 a 10 días completamente sin opioides"),
			w("peer groups for opioids", "narcotics anonymous \\(na\\), smart recovery",
					"narcóticos anónimos \\(na\\), smart recovery"),
			w("daily life", "daily life\\. sleep, movement, managing stress",
					"vida diaria\\. dormir bien, moverse, manejar el estrés"),
			w("using again is a reason to adjust treatment", "reason to adjust treatment, not to give up",
					"razón para ajustar el tratamiento, no para rendirse"),
			w("where to start", "findtreatment\\.gov lists licensed treatment programs near you",
					"findtreatment\\.gov muestra programas de tratamiento autorizados cerca de usted"))),
			Map.entry("medications-for-opioid-use-disorder", List.of(w("both names",
					"medication-assisted treatment \\(mat\\).{0,40}medications for opioid use disorder \\(moud\\)",
					"tratamiento asistido con medicamentos \\(mat\\).{0,60}medicamentos para el trastorno por consumo de opioides \\(moud\\)"),
					w("lower the risk of dying", "lower the risk of dying from an overdose",
							"reducen el riesgo de morir por sobredosis"),
					w("not swapping one drug for another", "not \"swapping one drug for another\"",
							"no es \"cambiar una droga por otra\""),
					w("methadone only through certified programs", "only through certified opioid treatment programs",
							"solo se da en programas certificados de tratamiento de opioides"),
					w("methadone dose raised slowly", "the dose is raised slowly at the start",
							"la dosis se sube poco a poco al principio"),
					w("methadone with sedatives is dangerous",
							"mixing it with alcohol, benzodiazepines or other sedatives is dangerous",
							"mezclarla con alcohol, benzodiacepinas u otros sedantes es peligroso"),
					w("buprenorphine's ceiling on breathing", "its effect on breathing levels off",
							"su efecto sobre la respiración tiene un tope"),
					w("buprenorphine with sedatives is still risky", "mixing it with sedatives is still risky",
							"mezclarla con sedantes sigue siendo arriesgado"),
					w("buprenorphine too early", "starting too early can bring on sudden withdrawal",
							"empezarla demasiado pronto puede provocar una abstinencia repentina"),
					w("naltrexone does not relieve withdrawal", "naltrexone.{0,60}does not relieve withdrawal",
							"naltrexona.{0,60}no alivia la abstinencia"),
					w("naltrexone after 7 to 10 days, longer after methadone",
							"7 to 10 opioid-free days \\(often longer after methadone\\)",
							"7 a 10 días sin opioides \\(a menudo más tiempo si venía tomando metadona\\)"),
					w("low tolerance after naltrexone", "after stopping naltrexone or missing a dose, tolerance is low",
							"después de dejar la naltrexona o de saltarse una dosis, la tolerancia es baja"),
					w("never overpower the blockade", "trying to overpower the blockade with large amounts",
							"intentar vencer el bloqueo con cantidades grandes"),
					w("symptom medicines are not a replacement for MOUD", "they are not a replacement for moud",
							"no reemplazan a los moud"),
					w("stopping with the prescriber, gradually", "made with your prescriber and done gradually",
							"con quien se la receta, y de forma gradual"),
					w("how to find it", "findtreatment\\.gov lets you search for programs",
							"findtreatment\\.gov le permite buscar programas"))),
			Map.entry("overdose-and-naloxone", List.of(w("call 911", "1\\. call 911", "1\\. llame al 911"),
					w("give naloxone", "2\\. give naloxone", "2\\. dé naloxona"),
					w("a second dose", "within 2 to 3 minutes, give another dose", "en 2 a 3 minutos, dé otra dosis"),
					w("recovery position", "recovery position", "posición de recuperación"),
					w("the overdose can come back", "the overdose can come back.{0,60}still needs medical care",
							"la sobredosis puede volver.{0,60}necesita atención médica"),
					w("pinpoint pupils", "\"pinpoint\" pupils", "pupilas muy pequeñas"),
					w("cannot be woken", "cannot be woken", "no se puede despertar"),
					w("slow or no breathing", "slow, weak or no breathing", "respiración lenta, débil o ausente"),
					w("limp body", "a limp body", "cuerpo flácido"),
					w("cold, clammy skin", "cold, clammy skin", "piel fría y húmeda"),
					w("blue lips", "blue or gray lips", "labios y uñas azules o grises"),
					w("when unsure, treat it as an overdose", "if you are not sure, treat it as an overdose",
							"si no está seguro, actúe como si fuera una sobredosis"),
					w("no effect without opioids", "no effect on someone without opioids in their body",
							"no hace efecto en alguien que no tiene opioides en el cuerpo"),
					w("sudden withdrawal", "it can cause sudden withdrawal", "puede causar una abstinencia repentina"),
					w("more than one dose", "may need more than one dose", "pueden necesitar más de una dosis"),
					w("what naloxone does not reverse",
							"does not reverse alcohol, benzodiazepines, stimulants or xylazine",
							"no revierte los efectos del alcohol, las benzodiacepinas, los estimulantes ni la xilacina"),
					w("over the counter", "over the counter", "sin receta"),
					w("storage and expiry", "room temperature, check the expiry date",
							"temperatura ambiente, revise la fecha de vencimiento"),
					w("do not use alone", "try not to use alone", "intente no consumir a solas"),
					w("after lost tolerance use far less, or get on treatment first",
							"use far less than before, or better, get on treatment first",
							"use mucho menos que antes o, mejor aún, empiece un tratamiento primero"),
					w("no sedatives with opioids", "avoid mixing opioids with alcohol, benzodiazepines",
							"no mezcle opioides con alcohol, benzodiacepinas"),
					w("fentanyl in street drugs and test strips",
							"street drugs may contain fentanyl; fentanyl test strips",
							"las drogas de la calle pueden contener fentanilo; las tiras reactivas de fentanilo"),
					w("treatment lowers the risk", "methadone or buprenorphine greatly lowers the risk",
							"metadona o buprenorfina reduce mucho el riesgo"),
					w("Good Samaritan laws", "good samaritan laws", "leyes del buen samaritano"),
					w("emergency departments start buprenorphine",
							"emergency departments can often start buprenorphine",
							"en las salas de emergencias a menudo pueden empezar el tratamiento con buprenorfina"))),
			Map.entry("what-to-expect-in-detox", List.of(
					w("buprenorphine or methadone relieve withdrawal", "buprenorphine or methadone relieve withdrawal",
							"buprenorfina y la metadona alivian la abstinencia"),
					w("low tolerance after detox", "a dose you used to take can kill you",
							"una dosis que antes tomaba ahora puede ser mortal"),
					w("the withdrawal timeline", "within about 8 to 24 hours", "entre 8 y 24 horas"),
					w("tell the team about fentanyl", "tell your care team if you have been using fentanyl",
							"dígale al equipo si ha consumido fentanilo"),
					w("never stop methadone suddenly", "never stop methadone suddenly",
							"nunca deje la metadona de golpe"),
					w("alcohol and benzodiazepine withdrawal can be deadly", "can cause seizures and can be deadly",
							"puede causar convulsiones y puede ser mortal"),
					w("pregnancy", "if you are pregnant", "si está embarazada"),
					w("buprenorphine too early", "taken too early, it can bring on sudden, severe withdrawal",
							"si se toma demasiado pronto puede provocar una abstinencia repentina y fuerte"),
					w("methadone only through a certified program",
							"given through a certified opioid treatment program",
							"se da en un programa certificado de tratamiento de opioides"),
					w("symptom medicines do not reduce cravings", "do not reduce cravings",
							"no reducen los deseos de consumir"),
					w("naltrexone is different",
							"naltrexone is different: it blocks opioids and does not relieve withdrawal",
							"naltrexona es distinta: bloquea los opioides y no alivia la abstinencia"),
					w("withdrawal alone is very hard",
							"going through withdrawal alone, without medication, is very hard",
							"pasar la abstinencia a solas y sin medicación es muy duro"),
					w("inpatient with alcohol or sedatives",
							"also depend on alcohol, benzodiazepines or other sedatives",
							"también depende del alcohol, de las benzodiacepinas o de otros sedantes"),
					w("confidential", "confidential and protected by privacy laws",
							"confidencial y está protegida por leyes de privacidad"),
					w("the biggest danger comes after detox", "the biggest danger comes after detox",
							"el mayor peligro llega después"),
					w("leave with naloxone and an appointment", "an appointment, with a date and time",
							"una cita, con fecha y hora"),
					w("if you use again", "do not use alone, use far less than before",
							"no consuma a solas, use mucho menos que antes"),
					w("how to get started", "findtreatment\\.gov lists licensed treatment programs",
							"findtreatment\\.gov muestra programas de tratamiento autorizados"))),
			Map.entry("helping-a-loved-one", List.of(
					w("a medical condition", "a medical condition that can be treated",
							"una condición médica que se puede tratar"),
					w("naloxone at home", "keep naloxone at home", "tenga naloxona en casa"),
					w("limp body", "a limp body", "cuerpo flácido"),
					w("call 911", "1\\. call 911", "1\\. llame al 911"),
					w("a second dose", "within 2 to 3 minutes, give another dose", "en 2 a 3 minutos, dé otra dosis"),
					w("the overdose can come back", "the overdose can come back", "la sobredosis puede volver"),
					w("Good Samaritan laws", "good samaritan laws", "leyes del buen samaritano"),
					w("over the counter", "over the counter", "sin receta"),
					w("storage and expiry", "room temperature, and check the expiry date",
							"temperatura ambiente, y revise la fecha de vencimiento"),
					w("naloxone does no harm", "naloxone will not harm someone who has not taken opioids",
							"la naloxona no hace daño a quien no ha tomado opioides"),
					w("fentanyl may need more than one dose", "fentanyl may need more than one dose",
							"el fentanilo puede necesitar más de una dosis"),
					w("hiding means using alone", "using alone, which makes a fatal overdose more likely",
							"consumir a solas, y eso hace más probable una sobredosis mortal"),
					w("CRAFT", "community reinforcement and family training \\(craft\\)",
							"refuerzo comunitario y entrenamiento familiar \\(craft"),
					w("medication is real treatment", "not \"replacing one drug with another\"",
							"no es \"cambiar una droga por otra\""),
					w("lock up opioids", "keep all opioids locked up", "guarde bajo llave todos los opioides"),
					w("a child who swallowed some", "if a child may have swallowed some, call 911",
							"si un niño pudo haber tragado algo, llame al 911"),
					w("groups for families", "nar-anon", "nar-anon"),
					w("never use alone, fentanyl",
							"never to use alone, and remind them that street drugs may contain fentanyl",
							"no consumir nunca a solas y recuérdele que las drogas de la calle pueden contener fentanilo"),
					w("the intake team", "contact our intake team yourself",
							"usted mismo puede comunicarse con nuestro equipo de admisión"))),
			Map.entry("where-heroin-comes-from",
					List.of(w("the opium poppy", "opium poppy, papaver somniferum",
							"amapola del opio \\(adormidera\\), papaver somniferum"),
							w("latex from the unripe seed pod", "unripe seed pod", "cápsula verde"),
							w("poppy seeds carry only traces", "carry only traces", "solo tienen rastros"),
							w("morphine and codeine", "morphine and codeine", "morfina y codeína"),
							w("acetylation into diacetylmorphine", "acetylation.{0,120}diacetylmorphine",
									"acetilación.{0,120}diacetilmorfina"),
							w("reaches the brain faster", "pass into the brain faster than morphine",
									"llegar al cerebro más rápido que la morfina"),
							w("cut heroin varies in strength", "two bags can be very different in strength",
									"dos bolsitas pueden tener una potencia muy distinta"),
							w("fentanyl in the supply", "street supply now contains fentanyl",
									"lo que se vende en la calle contiene ahora fentanilo"),
							w("fentanyl cannot be detected by the senses", "cannot be seen, smelled or tasted",
									"no se puede ver, oler ni saborear"),
							w("every use risks overdose", "every use carries a risk of overdose",
									"cada consumo conlleva un riesgo de sobredosis"),
							w("keep naloxone close", "keep naloxone", "tenga naloxona"),
							w("do not use alone", "try not to use alone", "intente no consumir a solas"),
							w("fentanyl test strips", "fentanyl test strips", "tiras reactivas de fentanilo"),
							w("call 911", "call 911 if someone cannot be woken up",
									"llame al 911 si alguien no se puede despertar"))),
			Map.entry("why-heroin-is-so-addictive", List.of(
					w("converted into 6-MAM and morphine", "6-monoacetylmorphine \\(6-mam\\) and morphine",
							"6-monoacetilmorfina \\(6-mam\\) y en morfina"),
					w("mu-opioid receptors", "mu-opioid receptors", "receptores opioides mu"),
					w("the reward pathway", "ventral tegmental area \\(vta\\) to the nucleus accumbens",
							"área tegmental ventral \\(atv\\) hasta el núcleo accumbens"),
					w("GABA neurons act as a brake", "gaba neurons act like a brake",
							"neuronas gaba actúan como un freno"),
					w("more dopamine is released", "release more dopamine", "liberan más dopamina"),
					w("tolerance", "tolerance: the same amount has less effect",
							"tolerancia: la misma cantidad hace menos efecto"),
					w("dependence", "dependence: the body needs the opioid",
							"dependencia: el cuerpo necesita el opioide"),
					w("opioid use disorder", "addiction \\(opioid use disorder\\)",
							"adicción \\(trastorno por consumo de opioides\\)"),
					w("not a character flaw", "none of this is a character flaw",
							"nada de esto es un defecto de carácter"),
					w("the withdrawal timeline", "start within hours of the last dose.{0,40}peaks within 1 to 3 days",
							"empezar a las pocas horas de la última dosis.{0,60}más fuerte entre el día 1 y el día 3"),
					w("dehydration", "serious dehydration", "deshidratación grave"),
					w("the danger after withdrawal",
							"tolerance drops fast, so going back to a previous dose can cause a fatal overdose",
							"la tolerancia baja rápido, y volver a una dosis de antes puede causar una sobredosis mortal"),
					w("treatment with buprenorphine and methadone",
							"buprenorphine and methadone act on the same receptors",
							"buprenorfina y la metadona actúan sobre los mismos receptores"))),
			Map.entry("medical-detox",
					List.of(w("buprenorphine or methadone relieve withdrawal",
							"buprenorphine or methadone, which relieve withdrawal",
							"buprenorfina o metadona, que alivian la abstinencia"),
							w("then continued or lowered slowly", "the dose is then continued or lowered slowly",
									"después la dosis se mantiene o se baja poco a poco"),
							w("symptom medicines", "lofexidine or clonidine.{0,120}nausea, diarrhea and sleep",
									"lofexidina o la clonidina.{0,140}náuseas, la diarrea y el sueño"),
							w("detox alone has high relapse rates", "high relapse rates", "altas tasas de recaída"),
							w("low tolerance after detox", "return to a previous dose can be fatal",
									"volver a la dosis de antes puede ser mortal"),
							w("naloxone before leaving", "gives you naloxone before you leave",
									"le da naloxona antes de salir"),
							w("connected to ongoing treatment", "connects you directly to ongoing treatment",
									"le conecta directamente con un tratamiento continuado"))),
			Map.entry("medication-assisted-treatment", List.of(
					w("the most effective treatment", "the most effective treatment", "el tratamiento más eficaz"),
					w("methadone only through certified programs",
							"methadone.{0,120}given only through certified opioid treatment programs",
							"metadona.{0,120}solo se da en programas certificados de tratamiento de opioides"),
					w("buprenorphine with lower overdose risk", "buprenorphine.{0,60}lower risk of overdose",
							"buprenorfina.{0,80}menor riesgo de sobredosis"),
					w("naltrexone does not relieve withdrawal", "naltrexone does not relieve withdrawal",
							"naltrexona no alivia la abstinencia"),
					w("naltrexone after 7 to 10 opioid-free days", "7 to 10 opioid-free days",
							"7 a 10 días sin opioides"),
					w("with counseling", "works best with counseling", "funciona mejor con terapia"),
					w("changes planned with the prescriber", "any change is planned with the prescriber",
							"cualquier cambio se planifica con quien la receta"))),
			Map.entry("behavioral-therapies", List.of(
					w("cognitive behavioral therapy", "cognitive behavioral therapy \\(cbt\\)",
							"terapia cognitivo-conductual \\(tcc\\)"),
					w("contingency management has strong evidence", "contingency management.{0,120}strong evidence",
							"manejo de contingencias.{0,140}mucha evidencia"),
					w("motivational interviewing", "motivational interviewing", "entrevista motivacional"),
					w("co-occurring mental health", "treating them at the same time improves recovery",
							"tratarlos al mismo tiempo mejora la recuperación"),
					w("works with medication", "works well together with medication for opioid use disorder",
							"funciona bien junto con los medicamentos para el trastorno por consumo de opioides"))),
			Map.entry("support-groups",
					List.of(w("Narcotics Anonymous", "narcotics anonymous \\(na\\)", "narcóticos anónimos \\(na\\)"),
							w("SMART Recovery", "smart recovery:", "smart recovery:"),
							w("peer recovery coaches", "peer recovery coaches", "mentores de recuperación"),
							w("groups for families", "nar-anon or smart recovery family & friends",
									"nar-anon o smart recovery family & friends"),
							w("groups welcome people on medication", "welcome people who take medication",
									"aceptan a quienes toman medicamentos"),
							w("try another meeting", "try another", "pruebe otra"))),
			Map.entry("holistic-recovery", List.of(
					w("supports but does not replace treatment", "they do not replace them", "no los reemplazan"),
					w("body", "regular physical activity, enough sleep",
							"actividad física regular, dormir lo suficiente"),
					w("stress", "mindfulness, meditation", "atención plena, meditación"),
					w("relationships", "rebuilding trust", "recuperar la confianza"),
					w("purpose", "work, study, volunteering", "trabajo, estudios, voluntariado"))),
			Map.entry("professional-support",
					List.of(w("prescribers of MOUD", "can prescribe medication for opioid use disorder",
							"pueden recetar medicamentos para el trastorno por consumo de opioides"),
							w("levels of care", "outpatient, intensive outpatient or residential",
									"ambulatoria, ambulatoria intensiva o residencial"),
							w("a full assessment", "a full assessment", "una evaluación completa"),
							w("naloxone and an overdose plan", "naloxone and an overdose plan",
									"naloxona y un plan ante una sobredosis"),
							w("regular reviews", "regular reviews", "revisiones periódicas"))));

	private static Map<String, Map<String, Edition>> articles;

	private static Map<String, Map<String, Edition>> approaches;

	@BeforeAll
	static void readSeedFiles() {
		articles = editions(ARTICLES);
		approaches = editions(APPROACHES);
	}

	@Test
	void everyArticleAndApproachHasAnEnglishAndASpanishEdition() {
		assertThat(articles).isNotEmpty();
		assertThat(approaches).isNotEmpty();
		Stream.concat(articles.entrySet().stream(), approaches.entrySet().stream())
			.forEach((item) -> assertThat(item.getValue().keySet()).as(item.getKey()).containsExactly("en", "es"));
	}

	@Test
	void theRequiredWarningsAreListedForEveryArticleAndApproach() {
		TreeSet<String> items = new TreeSet<>(articles.keySet());
		items.addAll(approaches.keySet());
		assertThat(new TreeSet<>(REQUIRED.keySet())).isEqualTo(items);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("items")
	void bothEditionsHaveTheSameSectionsAndLists(String item) {
		Edition english = edition(item, "en");
		Edition spanish = edition(item, "es");
		assertThat(outline(spanish.body()))
			.as("sections of %s (es) against %s (en)", headings(spanish.body()), headings(english.body()))
			.isEqualTo(outline(english.body()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("items")
	void bothEditionsHaveTheSameTopicsSourcesAndMedications(String item) {
		Edition english = edition(item, "en");
		Edition spanish = edition(item, "es");
		assertThat(spanish.topics()).isEqualTo(english.topics());
		assertThat(spanish.medications()).hasSameSizeAs(english.medications());
		assertThat(spanish.sources()).hasSameSizeAs(english.sources());
		for (int i = 0; i < english.sources().size(); i++) {
			String url = english.sources().get(i).url();
			assertThat(spanish.sources().get(i).url()).as("source %d of %s", i, item).isIn(url, SPANISH_PAGES.get(url));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("items")
	void bothEditionsCarryEveryRequiredWarning(String item) {
		String english = plain(edition(item, "en"));
		String spanish = plain(edition(item, "es"));
		List<String> missing = new ArrayList<>();
		for (Warning warning : REQUIRED.get(item)) {
			if (!warning.english().matcher(english).find()) {
				missing.add("en: " + warning.concept());
			}
			if (!warning.spanish().matcher(spanish).find()) {
				missing.add("es: " + warning.concept());
			}
		}
		assertThat(missing).as("warnings missing from %s", item).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("articleSlugs")
	void everyArticleEndsWithTheCrisisLinesInItsLanguage(String slug) {
		List<String> english = lastSection(edition(slug, "en").body(), "## Where to get help");
		assertThat(line(english, "911")).contains("call **911**");
		assertThat(line(english, "1-800-662-4357")).contains("24/7", "in English and Spanish", "TTY 1-800-487-4889",
				"435748 (HELP4U)");
		assertThat(line(english, "988")).contains("call or text **988**", "988lifeline.org", "24/7");

		List<String> spanish = lastSection(edition(slug, "es").body(), "## Dónde pedir ayuda");
		assertThat(line(spanish, "911")).contains("llame al **911**");
		assertThat(line(spanish, "1-800-662-4357")).contains("las 24 horas", "en inglés y en español",
				"TTY 1-800-487-4889", "435748 (HELP4U)", "solo en inglés");
		assertThat(line(spanish, "988")).contains("**988**", "marque 2", "AYUDA", "988lifeline.org", "las 24 horas");
	}

	@Test
	void theWarningCheckFindsAMissingWarning() {
		Edition spanish = edition("overdose-and-naloxone", "es");
		String withoutGoodSamaritan = plain(spanish).replace("buen samaritano", "vecino");
		Warning goodSamaritan = REQUIRED.get("overdose-and-naloxone")
			.stream()
			.filter((warning) -> warning.concept().equals("Good Samaritan laws"))
			.findFirst()
			.orElseThrow();
		assertThat(goodSamaritan.spanish().matcher(plain(spanish)).find()).isTrue();
		assertThat(goodSamaritan.spanish().matcher(withoutGoodSamaritan).find()).isFalse();
		assertThat(outline("## A\n\n- one\n- two\n\n## B\n")).isNotEqualTo(outline("## A\n\n- one\n\n## B\n"));
	}

	static Stream<String> items() {
		return REQUIRED.keySet().stream().sorted();
	}

	static Stream<String> articleSlugs() {
		return editions(ARTICLES).keySet().stream();
	}

	private static Edition edition(String item, String locale) {
		Map<String, Edition> editions = articles.containsKey(item) ? articles.get(item) : approaches.get(item);
		assertThat(editions).as("seed files of %s", item).isNotNull();
		Edition edition = editions.get(locale);
		assertThat(edition).as("%s edition of %s", locale, item).isNotNull();
		return edition;
	}

	/**
	 * The shape of a Markdown body: for the text before the first heading and for each
	 * heading, its level and how many bullet and numbered items follow it.
	 */
	private static List<String> outline(String body) {
		List<String> sections = new ArrayList<>();
		String level = "intro";
		int bullets = 0;
		int numbered = 0;
		for (String line : body.split("\n")) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				sections.add(level + " bullets=" + bullets + " numbered=" + numbered);
				level = "h" + heading.group(1).length();
				bullets = 0;
				numbered = 0;
			}
			else if (BULLET.matcher(line).matches()) {
				bullets++;
			}
			else if (NUMBERED.matcher(line).matches()) {
				numbered++;
			}
		}
		sections.add(level + " bullets=" + bullets + " numbered=" + numbered);
		return sections;
	}

	private static List<String> headings(String body) {
		return body.lines().filter((line) -> HEADING.matcher(line).matches()).toList();
	}

	private static List<String> lastSection(String body, String heading) {
		int start = body.lastIndexOf("\n" + heading + "\n");
		assertThat(start).as("the body's last section is %s", heading).isNotNegative();
		String section = body.substring(start + heading.length() + 2);
		assertThat(section).as("nothing follows %s", heading).doesNotContain("\n#");
		return section.lines().filter((line) -> !line.isBlank()).toList();
	}

	private static String line(List<String> lines, String marker) {
		List<String> matching = lines.stream().filter((line) -> line.contains(marker)).toList();
		assertThat(matching).as("a crisis line with %s", marker).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	/** Title, summary and body without Markdown emphasis, on one line. */
	private static String plain(Edition edition) {
		return (edition.title() + "\n" + edition.summary() + "\n" + edition.body()).replace("*", "")
			.replaceAll("\\s+", " ")
			.toLowerCase(java.util.Locale.ROOT);
	}

	private static Map<String, Map<String, Edition>> editions(String location) {
		JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		Map<String, Map<String, Edition>> editions = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
				try (InputStream in = resource.getInputStream()) {
					Edition edition = json.readValue(in, Edition.class);
					editions.computeIfAbsent(edition.id(), (id) -> new TreeMap<>()).put(edition.locale(), edition);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return editions;
	}

	private static Warning w(String concept, String english, String spanish) {
		int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
		return new Warning(concept, Pattern.compile(english, flags), Pattern.compile(spanish, flags));
	}

	/**
	 * A warning or fact that both editions must carry.
	 *
	 * @param concept what it is
	 * @param english how the English edition says it
	 * @param spanish how the Spanish edition says it
	 */
	record Warning(String concept, Pattern english, Pattern spanish) {

	}

	/**
	 * One language edition of an article or treatment approach, as far as this test reads
	 * it.
	 *
	 * @param slug the article's slug, or {@code null} for an approach
	 * @param key the approach's key, or {@code null} for an article
	 * @param locale the language
	 * @param title the article's title
	 * @param name the approach's name
	 * @param summary the summary
	 * @param body the Markdown body
	 * @param topics the article's topics
	 * @param sources the article's sources
	 * @param medications the approach's medications
	 */
	record Edition(String slug, String key, String locale, String title, String name, String summary, String body,
			List<String> topics, List<Source> sources, List<String> medications) {

		Edition {
			topics = (topics != null) ? topics : List.of();
			sources = (sources != null) ? sources : List.of();
			medications = (medications != null) ? medications : List.of();
		}

		String id() {
			return (this.slug != null) ? this.slug : this.key;
		}

		@Override
		public String title() {
			return (this.title != null) ? this.title : this.name;
		}

	}

	/**
	 * A cited source.
	 *
	 * @param title its title
	 * @param url its address
	 */
	record Source(String title, String url) {

	}

}
