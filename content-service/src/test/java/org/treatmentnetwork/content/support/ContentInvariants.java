package org.treatmentnetwork.content.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks for the factual errors of the network's original article that must never
 * reappear in seed content.
 */
public final class ContentInvariants {

	private static final Pattern RELIEVES_WITHDRAWAL = Pattern
		.compile("\\b(relieve|relieves|relieving|alleviate|alleviates|alleviating|ease|eases|easing|treat|treats|"
				+ "treating|manage|manages|managing|reduce|reduces|reducing|prevent|prevents)\\b[^.]*\\bwithdrawal");

	private static final Pattern NEGATION = Pattern.compile("\\b(not|never|no|cannot|doesn't|won't)\\b");

	private ContentInvariants() {
	}

	/**
	 * Clauses that present naltrexone as relieving withdrawal. Naltrexone blocks opioids
	 * and can precipitate withdrawal; it does not relieve it.
	 * @param text Markdown or plain text
	 * @return the offending clauses, empty when there are none
	 */
	public static List<String> naltrexoneRelievingWithdrawal(String text) {
		List<String> offending = new ArrayList<>();
		String plain = text.replace("*", "").replace('_', ' ');
		for (String clause : plain.split("[.;:!?\\n]")) {
			String lower = clause.toLowerCase(Locale.ROOT);
			if (lower.contains("naltrexone") && RELIEVES_WITHDRAWAL.matcher(lower).find()
					&& !NEGATION.matcher(lower).find()) {
				offending.add(clause.strip());
			}
		}
		return offending;
	}

	/**
	 * Mistakes carried over from the original article.
	 * @param text Markdown or plain text
	 * @return a description of each mistake found, empty when there are none
	 */
	public static List<String> knownErrors(String text) {
		List<String> errors = new ArrayList<>();
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.contains("papevar") || lower.contains("somniferous")) {
			errors.add("misspelled Papaver somniferum");
		}
		if (lower.contains("alcoholics anonymous") || text.contains("(AA)") || text.matches("(?s).*\\bAA\\b.*")) {
			errors.add("Alcoholics Anonymous named as an opioid peer group");
		}
		if (lower.contains("seeds contain opium") || lower.contains("seed contains opium")) {
			errors.add("opium placed in the seeds instead of the unripe seed pod");
		}
		if (lower.contains("tapering off heroin")) {
			errors.add("detox described as tapering off heroin");
		}
		if (lower.contains("buildup of dopamine") || lower.contains("stop the release of neurotransmitters")) {
			errors.add("wrong dopamine mechanism");
		}
		naltrexoneRelievingWithdrawal(text)
			.forEach((clause) -> errors.add("naltrexone described as relieving withdrawal: " + clause));
		return errors;
	}

}
