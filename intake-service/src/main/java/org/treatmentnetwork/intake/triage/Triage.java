package org.treatmentnetwork.intake.triage;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Decides a request's urgency from what the person wrote, its first-contact deadline, and
 * whether crisis lines are shown.
 */
@Component
public class Triage {

	private final UrgencyClassifier classifier;

	private final TriageProperties properties;

	Triage(UrgencyClassifier classifier, TriageProperties properties) {
		this.classifier = classifier;
		this.properties = properties;
	}

	/**
	 * Assesses a request.
	 * @param text what the person wrote (may be {@code null})
	 * @param receivedAt when the request was received
	 * @return the triage result
	 */
	public TriageResult assess(String text, Instant receivedAt) {
		Urgency urgency = this.classifier.classify(text);
		Instant due = receivedAt.plus(this.properties.firstContactDue().of(urgency));
		List<CrisisResource> resources = (urgency == Urgency.CRISIS) ? this.properties.crisisResources() : List.of();
		return new TriageResult(urgency, due, resources);
	}

	/**
	 * The crisis lines shown for an urgency.
	 * @param urgency the urgency
	 * @return the crisis resources, empty unless {@link Urgency#CRISIS}
	 */
	public List<CrisisResource> crisisResourcesFor(Urgency urgency) {
		return (urgency == Urgency.CRISIS) ? this.properties.crisisResources() : List.of();
	}

}
