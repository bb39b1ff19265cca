package org.treatmentnetwork.notification.acklinks;

import org.treatmentnetwork.notification.alerts.AlertAlreadyResolvedException;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.TimelineChannel;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;

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
@Tag(name = "Acknowledgement links",
		description = "The one-click link in a page: HTML pages, the signed token is the credential")
@RestController
@RequestMapping("/api/alerts/ack")
class AckLinkController {

	private final AckLinkTokens tokens;

	private final Alerts alerts;

	AckLinkController(AckLinkTokens tokens, Alerts alerts) {
		this.tokens = tokens;
		this.alerts = alerts;
	}

	@Operation(summary = "The confirmation page of an acknowledgement link",
			description = "Never acknowledges, so link previews and mail scanners cannot")
	@ApiResponse(responseCode = "200",
			description = "A page with a form that posts to the same address, or saying the alert is already acknowledged or resolved",
			content = @Content(mediaType = "text/html"))
	@ApiResponse(responseCode = "404", description = "An invalid link", content = @Content(mediaType = "text/html"))
	@ApiResponse(responseCode = "410", description = "An expired link", content = @Content(mediaType = "text/html"))
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

	@Operation(summary = "Acknowledge through the link",
			description = "On behalf of the staff member the link was sent to")
	@ApiResponse(responseCode = "200", description = "Acknowledged", content = @Content(mediaType = "text/html"))
	@ApiResponse(responseCode = "404", description = "An invalid link", content = @Content(mediaType = "text/html"))
	@ApiResponse(responseCode = "409", description = "The alert is already resolved",
			content = @Content(mediaType = "text/html"))
	@ApiResponse(responseCode = "410", description = "An expired link", content = @Content(mediaType = "text/html"))
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
