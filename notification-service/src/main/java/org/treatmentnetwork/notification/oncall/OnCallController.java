package org.treatmentnetwork.notification.oncall;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is on call now.
 */
@RestController
@RequestMapping("/api/on-call")
class OnCallController {

	private final OnCallDirectory directory;

	private final Clock clock;

	OnCallController(OnCallDirectory directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping("/now")
	Flux<TeamOnCallResponse> now() {
		return this.directory.everyTeam(this.clock.instant()).map(TeamOnCallResponse::from);
	}

	/**
	 * One team and who is on call for each escalation step (today only step 1, the
	 * rotation).
	 *
	 * @param team the team key
	 * @param name the team's display name
	 * @param centerId the center it covers, {@code null} for network-wide
	 * @param steps who is on call per step
	 */
	record TeamOnCallResponse(String team, String name, String centerId, List<StepResponse> steps) {

		static TeamOnCallResponse from(OnCallDirectory.TeamOnCall onCall) {
			OnCallPerson person = onCall.stepOne();
			List<StepResponse> steps = (person != null)
					? List
						.of(new StepResponse(1, person.staffId(), person.displayName(), person.since(), person.until()))
					: List.of();
			return new TeamOnCallResponse(onCall.team().id(), onCall.team().name(), onCall.team().centerId(), steps);
		}

	}

	/**
	 * The person on call for one step.
	 *
	 * @param step the escalation step, starting at 1
	 * @param staffId the staff id
	 * @param name the display name
	 * @param since start of the shift
	 * @param until end of the shift
	 */
	record StepResponse(int step, String staffId, String name, Instant since, Instant until) {

	}

}
