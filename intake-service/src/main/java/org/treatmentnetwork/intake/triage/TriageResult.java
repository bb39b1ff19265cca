package org.treatmentnetwork.intake.triage;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of triage for one request.
 *
 * @param urgency how urgent it is
 * @param firstContactDueAt when the first contact is due
 * @param crisisResources the crisis lines to show; empty unless the urgency is
 * {@link Urgency#CRISIS}
 */
public record TriageResult(Urgency urgency, Instant firstContactDueAt, List<CrisisResource> crisisResources) {

}
