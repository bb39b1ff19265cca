package org.treatmentnetwork.intake.triage;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Phrase rules, in English and Spanish, that read a free-text message for signs of crisis
 * or high urgency. Matching is case-insensitive, ignores accents and respects word
 * boundaries (so "methadone" is not "meth", and "god" is not "OD"). Rules err on the side
 * of urgency: a negation ("not suicidal") still matches, because a human calls back
 * sooner either way.
 */
@Component
class UrgencyClassifier {

	private static final List<Pattern> CRISIS = patterns(
			// Overdose
			"overdos(e|ed|es|ing)", "od", "od'?(d|ed|ing)", "sobredosis",
			"(not|isn'?t|is not|stopped|no longer) breathing", "no (esta )?respira(ndo)?", "unresponsive",
			"(won'?t|will not|can'?t|cannot) wake (up|him|her|them)", "no (se )?despierta", "turning blue",
			"(lips|face) (are|is|turning) blue", "blue lips", "labios morados",
			// Suicide and self-harm
			"suicid(e|al|ally)", "kill(ing)? (myself|himself|herself|themselves|themself)",
			"end (my|his|her|their) (own )?life", "take (my|his|her|their) (own )?life",
			"(want|wants|wanted|going|gonna) to die", "don'?t want to (live|be alive)", "better off dead",
			"(hurt|hurting|harm|harming|cut|cutting) (myself|himself|herself|themselves)", "suicid(io|arme|arse|a)",
			"(me )?quiero morir", "quitarme la vida", "matarme", "no quiero vivir", "hacerme dano",
			// Immediate danger
			"immediate danger", "in danger (right )?now", "danger right now", "life[- ]threatening",
			"peligro inmediato", "en peligro (ahora|ahorita)");

	private static final List<Pattern> HIGH = patterns(
			// Withdrawal now
			"withdrawals?", "withdrawing", "dope ?sick", "sick right now", "cold turkey", "detoxing", "abstinencia",
			"malilla", "tengo el mono",
			// A loved one in danger
			"in danger", "at risk of dying", "en peligro");

	/**
	 * Classifies a message.
	 * @param text the message, possibly {@code null} or blank
	 * @return the urgency
	 */
	Urgency classify(String text) {
		if (text == null || text.isBlank()) {
			return Urgency.ROUTINE;
		}
		String normalized = normalize(text);
		if (matchesAny(CRISIS, normalized)) {
			return Urgency.CRISIS;
		}
		if (matchesAny(HIGH, normalized)) {
			return Urgency.HIGH;
		}
		return Urgency.ROUTINE;
	}

	private static boolean matchesAny(List<Pattern> patterns, String text) {
		for (Pattern pattern : patterns) {
			if (pattern.matcher(text).find()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Lower case, accents removed, typographic apostrophes made plain and runs of
	 * whitespace collapsed, so that rules are written once in plain ASCII.
	 */
	static String normalize(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return decomposed.toLowerCase(Locale.ROOT)
			.replace('\u2019', '\'')
			.replace('\u2018', '\'')
			.replaceAll("\\s+", " ");
	}

	private static List<Pattern> patterns(String... phrases) {
		return Arrays.stream(phrases)
			.map((phrase) -> Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + phrase + ")(?![\\p{L}\\p{N}])"))
			.toList();
	}

}
