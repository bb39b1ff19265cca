package org.treatmentnetwork.intake.requests;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestStatusTest {

	@Test
	void movesAreExactlyTheContractsChainPlusReferralOrClosingFromAnyOpenStatus() {
		List<String> allowed = new ArrayList<>();
		for (RequestStatus from : RequestStatus.values()) {
			for (RequestStatus to : RequestStatus.values()) {
				if (from.canMoveTo(to)) {
					allowed.add(from + "->" + to);
				}
			}
		}
		assertThat(allowed).containsExactlyInAnyOrder("RECEIVED->CONTACT_ATTEMPTED", "RECEIVED->REFERRED_OUT",
				"RECEIVED->CLOSED", "CONTACT_ATTEMPTED->CONTACTED", "CONTACT_ATTEMPTED->REFERRED_OUT",
				"CONTACT_ATTEMPTED->CLOSED", "CONTACTED->ASSESSMENT_SCHEDULED", "CONTACTED->REFERRED_OUT",
				"CONTACTED->CLOSED", "ASSESSMENT_SCHEDULED->ADMITTED", "ASSESSMENT_SCHEDULED->REFERRED_OUT",
				"ASSESSMENT_SCHEDULED->CLOSED");
	}

	@Test
	void onlyReferralAndClosingNeedAReason() {
		assertThat(List.of(RequestStatus.values())).filteredOn(RequestStatus::needsReason)
			.containsExactly(RequestStatus.REFERRED_OUT, RequestStatus.CLOSED);
	}

	@Test
	void urgencyNamesSortInUrgencyOrderSoTheQueueCanSortByThemInMongo() {
		List<String> names = new ArrayList<>(
				List.of(org.treatmentnetwork.intake.triage.Urgency.values()).stream().map(Enum::name).toList());
		List<String> sorted = new ArrayList<>(names);
		sorted.sort(String::compareTo);
		assertThat(sorted).isEqualTo(names);
	}

}
