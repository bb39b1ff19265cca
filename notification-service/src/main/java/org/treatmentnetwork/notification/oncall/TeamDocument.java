package org.treatmentnetwork.notification.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An on-call team and its schedule ({@code teams} collection). A team with a
 * {@code centerId} takes that center's alerts; the default team takes the rest. Dates and
 * times are stored as ISO strings so that they mean the same local values whatever the
 * server's zone.
 *
 * @param id the team key, such as {@code network}
 * @param name the team's display name
 * @param centerId the center the team covers, {@code null} for network-wide
 * @param rotation the step-1 rotation
 * @param overrides cover that replaces the rotation for a while
 * @param supervisorId the supervisor paged by the policy's {@code SUPERVISOR} steps and
 * told of coverage gaps
 * @param escalation the team's escalation policy; {@code null} for the default (page the
 * rotation only)
 * @param supervisors the staff ids of the supervisors who may change the team's schedule
 * and policy; managed outside the API (seed or database)
 * @param revision how many times the schedule was changed through the API; {@code null}
 * before the first change
 */
@Document("teams")
record TeamDocument(@Id String id, String name, String centerId, StoredRotation rotation,
		List<StoredOverride> overrides, String supervisorId, StoredPolicy escalation, List<String> supervisors,
		Long revision) {

	/** The policy of a team that has none stored: its rotation, every 15 minutes. */
	static final StoredPolicy DEFAULT_POLICY = new StoredPolicy(
			List.of(new StoredStep(EscalationTarget.SCHEDULE.name(), null, null, 15)), 2);

	@PersistenceCreator
	TeamDocument {
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
		supervisors = (supervisors != null) ? List.copyOf(supervisors) : List.of();
	}

	TeamDocument(String id, String name, String centerId, StoredRotation rotation, List<StoredOverride> overrides,
			String supervisorId, StoredPolicy escalation, List<String> supervisors) {
		this(id, name, centerId, rotation, overrides, supervisorId, escalation, supervisors, null);
	}

	/**
	 * @param staffId a token's {@code sub}
	 * @return whether that staff member may change this team's schedule
	 */
	boolean isSupervisedBy(String staffId) {
		return staffId != null && this.supervisors.contains(staffId);
	}

	/**
	 * The policy that applies: the stored one, or {@link #DEFAULT_POLICY} if none is
	 * stored.
	 * @return the effective policy
	 */
	StoredPolicy effectivePolicy() {
		return (this.escalation != null && this.escalation.steps() != null && !this.escalation.steps().isEmpty())
				? this.escalation : DEFAULT_POLICY;
	}

	EscalationPlan toPlan() {
		StoredPolicy policy = effectivePolicy();
		return new EscalationPlan(this.id,
				policy.steps()
					.stream()
					.map((step) -> new EscalationStep(EscalationTarget.valueOf(step.target()), step.teamId(),
							step.staffId(), Duration.ofMinutes(step.escalateAfterMinutes()), step.contactSteps()))
					.toList(),
				policy.repeat());
	}

	Rotation toRotation() {
		return new Rotation(LocalDate.parse(this.rotation.startDate()), LocalTime.parse(this.rotation.handoffTime()),
				ZoneId.of(this.rotation.zone()), this.rotation.shiftDays(), this.rotation.memberIds());
	}

	List<RotationOverride> toOverrides() {
		return this.overrides.stream()
			.map((override) -> new RotationOverride(override.from(), override.until(), override.staffId()))
			.toList();
	}

	ZoneId zone() {
		return ZoneId.of(this.rotation.zone());
	}

	/**
	 * A rotation as stored.
	 *
	 * @param startDate ISO local date of the first shift
	 * @param handoffTime ISO local time of the handoff
	 * @param zone zone id
	 * @param shiftDays days per shift
	 * @param memberIds staff ids in order
	 */
	record StoredRotation(String startDate, String handoffTime, String zone, int shiftDays, List<String> memberIds) {

	}

	/**
	 * An override as stored.
	 *
	 * @param from start, inclusive
	 * @param until end, exclusive
	 * @param staffId who covers
	 */
	record StoredOverride(Instant from, Instant until, String staffId) {

	}

	/**
	 * An escalation policy as stored.
	 *
	 * @param steps the steps in order
	 * @param repeat how many more times the policy runs after the first pass
	 */
	record StoredPolicy(List<StoredStep> steps, int repeat) {

	}

	/**
	 * An escalation step as stored.
	 *
	 * @param target {@link EscalationTarget} name
	 * @param teamId the team whose rotation is paged ({@code SCHEDULE}), {@code null} for
	 * this team
	 * @param staffId the person paged ({@code PERSON})
	 * @param escalateAfterMinutes minutes to wait before the next step ({@code ROUTINE})
	 * @param contact how each person is reached; {@code null} or empty for their own
	 * methods in order
	 */
	record StoredStep(String target, String teamId, String staffId, int escalateAfterMinutes,
			List<StoredContact> contact) {

		@PersistenceCreator
		StoredStep {
		}

		StoredStep(String target, String teamId, String staffId, int escalateAfterMinutes) {
			this(target, teamId, staffId, escalateAfterMinutes, null);
		}

		List<ContactStep> contactSteps() {
			if (this.contact == null) {
				return List.of();
			}
			return this.contact.stream()
				.map((part) -> new ContactStep(ContactMethod.Kind.valueOf(part.kind()),
						Duration.ofMinutes(part.afterMinutes())))
				.toList();
		}

	}

	/**
	 * A part of a step's contact sequence as stored.
	 *
	 * @param kind {@link ContactMethod.Kind} name
	 * @param afterMinutes minutes from the step's start
	 */
	record StoredContact(String kind, int afterMinutes) {

	}

}
