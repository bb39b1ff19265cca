package org.treatmentnetwork.notification.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The people a team's schedule names: the members of its rotation in order, then whoever
 * covers in an override that has not ended (by start), then the supervisor its policy
 * pages; each once.
 *
 * @param teamId the team
 * @param staffIds the staff ids, in that order
 * @param supervisors the staff ids of the supervisors who may change the team's schedule
 */
public record TeamRoster(String teamId, List<String> staffIds, List<String> supervisors) {

	public TeamRoster {
		staffIds = List.copyOf(staffIds);
		supervisors = List.copyOf(supervisors);
	}

	static TeamRoster of(TeamDocument team, Instant at) {
		Set<String> staffIds = new LinkedHashSet<>();
		if (team.rotation() != null && team.rotation().memberIds() != null) {
			staffIds.addAll(team.rotation().memberIds());
		}
		List<TeamDocument.StoredOverride> overrides = new ArrayList<>(team.overrides());
		overrides.sort(Comparator.comparing(TeamDocument.StoredOverride::from,
				Comparator.nullsLast(Comparator.naturalOrder())));
		overrides.stream()
			.filter((override) -> override.until() == null || override.until().isAfter(at))
			.map(TeamDocument.StoredOverride::staffId)
			.forEach(staffIds::add);
		if (team.supervisorId() != null) {
			staffIds.add(team.supervisorId());
		}
		staffIds.remove(null);
		return new TeamRoster(team.id(), List.copyOf(staffIds), team.supervisors());
	}

	/**
	 * Whether a staff member is one of the team's supervisors (as for changing its
	 * schedule).
	 * @param staffId a token's {@code sub}
	 * @return {@code true} if they supervise the team
	 */
	public boolean isSupervisedBy(String staffId) {
		return staffId != null && this.supervisors.contains(staffId);
	}

}
