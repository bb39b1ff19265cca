package org.treatmentnetwork.notification.acklinks;

import org.treatmentnetwork.notification.alerts.AlertAlreadyResolvedException;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-click link in pages. {@code GET} only shows a confirmation page (so that link
 * previews and mail scanners never acknowledge); {@code POST} from that page acknowledges
 * on behalf of the staff member the link was sent to. No bearer token: the signed token
 * is the credential. Answers are HTML pages for a phone's browser.
 */
@RestController
@RequestMapping("/api/alerts/ack")
class AckLinkController {

	private final AckLinkTokens tokens;

	private final Alerts alerts;

	AckLinkController(AckLinkTokens tokens, Alerts alerts) {
		this.tokens = tokens;
		this.alerts = alerts;
	}

	@GetMapping("/{token}")
	Mono<ResponseEntity<String>> confirm(@PathVariable String token) {
		AckLinkTokens.Verification verification = this.tokens.verify(token);
		return switch (verification.status()) {
			case INVALID -> Mono.just(AckLinkPages.invalid());
			case EXPIRED -> Mono.just(AckLinkPages.expired());
			case VALID -> this.alerts.findById(verification.alertId())
				.map(AckLinkPages::confirm)
				.defaultIfEmpty(AckLinkPages.invalid());
		};
	}

	@PostMapping("/{token}")
	Mono<ResponseEntity<String>> acknowledge(@PathVariable String token) {
		AckLinkTokens.Verification verification = this.tokens.verify(token);
		return switch (verification.status()) {
			case INVALID -> Mono.just(AckLinkPages.invalid());
			case EXPIRED -> Mono.just(AckLinkPages.expired());
			case VALID -> this.alerts.acknowledge(verification.alertId(), verification.staffId(), TimelineChannel.LINK)
				.map(AckLinkPages::acknowledged)
				.onErrorResume(AlertAlreadyResolvedException.class, (resolved) -> Mono.just(AckLinkPages.resolved()))
				.defaultIfEmpty(AckLinkPages.invalid());
		};
	}

}
