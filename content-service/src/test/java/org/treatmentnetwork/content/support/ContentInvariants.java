package org.treatmentnetwork.content.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks for the factual errors of the network's original article that must never
 * reappear in seed content, in either language.
 */
public final class ContentInvariants {

	private static final Pattern RELIEVES_WITHDRAWAL = Pattern
		.compile("\\b(relieve|relieves|relieving|alleviate|alleviates|alleviating|ease|eases|easing|treat|treats|"
				+ "treating|manage|manages|managing|reduce|reduces|reducing|prevent|prevents)\\b[^.]*\\bwithdrawal");

	private static final Pattern NEGATION = Pattern.compile("\\b(not|never|no|cannot|doesn't|won't)\\b");

	private static final Pattern ALIVIA_ABSTINENCIA = Pattern.compile(
			"\\b(alivia|alivian|aliviar|calma|calman|calmar|reduce|reducen|reducir|trata|tratan|tratar|maneja|"
					+ "manejan|manejar|previene|previenen|prevenir)\\b[^.]*\\babstinencia",
			Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern NEGACION = Pattern.compile("\\b(no|nunca|ni)\\b", Pattern.UNICODE_CHARACTER_CLASS);

	private ContentInvariants() {
	}

	/**
	 * Clauses, in English or Spanish, that present naltrexone as relieving withdrawal.
	 * Naltrexone blocks opioids and can precipitate withdrawal; it does not relieve it.
	 * @param text Markdown or plain text
	 * @return the offending clauses, empty when there are none
	 */
	public static List<String> naltrexoneRelievingWithdrawal(String text) {
		List<String> offending = new ArrayList<>();
		String plain = text.replace("*", "").replace('_', ' ');
		for (String clause : plain.split("[.;:!?\\n]")) {
			String lower = clause.toLowerCase(Locale.ROOT);
			boolean english = lower.contains("naltrexone") && RELIEVES_WITHDRAWAL.matcher(lower).find()
					&& !NEGATION.matcher(lower).find();
			boolean spanish = lower.contains("naltrexona") && ALIVIA_ABSTINENCIA.matcher(lower).find()
					&& !NEGACION.matcher(lower).find();
			if (english || spanish) {
				offending.add(clause.strip());
			}
		}
		return offending;
	}

	/**
	 * Mistakes carried over from the original article, in English or Spanish.
	 * @param text Markdown or plain text
	 * @return a description of each mistake found, empty when there are none
	 */
	public static List<String> knownErrors(String text) {
		List<String> errors = new ArrayList<>();
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.contains("papevar") || lower.contains("somniferous")) {
			errors.add("misspelled Papaver somniferum");
		}
		if (lower.contains("alcoholics anonymous") || lower.contains("alcohólicos anónimos") || text.contains("(AA)")
				|| text.matches("(?s).*\\bAA\\b.*")) {
			errors.add("Alcoholics Anonymous named as an opioid peer group");
		}
		if (lower.contains("seeds contain opium") || lower.contains("seed contains opium")
				|| lower.contains("semillas contienen opio") || lower.contains("semillas contienen el opio")) {
			errors.add("opium placed in the seeds instead of the unripe seed pod");
		}
		if (lower.contains("tapering off heroin") || lower.contains("reducir poco a poco la heroína")
				|| lower.contains("reducir gradualmente la heroína")) {
			errors.add("detox described as tapering off heroin");
		}
		if (lower.contains("buildup of dopamine") || lower.contains("stop the release of neurotransmitters")
				|| lower.contains("acumulación de dopamina")
				|| lower.contains("impiden la liberación de neurotransmisores")) {
			errors.add("wrong dopamine mechanism");
		}
		naltrexoneRelievingWithdrawal(text)
			.forEach((clause) -> errors.add("naltrexone described as relieving withdrawal: " + clause));
		return errors;
	}

}
