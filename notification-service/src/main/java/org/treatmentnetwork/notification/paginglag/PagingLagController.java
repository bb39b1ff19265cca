package org.treatmentnetwork.notification.paginglag;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.treatmentnetwork.servicedefaults.openapi.ContractDocument;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/alerts/paging-lag}: how far behind paging is, with a warning for
 * supervisors when it is past {@code notification.paging-lag.warn-after}. Served from the
 * last measurement, so reading it costs the store nothing.
 */
@Tag(name = "Alerts")
@RestController
class PagingLagController {

	private final PagingLag lag;

	PagingLagController(PagingLag lag) {
		this.lag = lag;
	}

	@Operation(summary = "How far behind paging is",
			description = "The triggered alerts nobody has been paged for yet, how long the oldest has waited, and a "
					+ "warning for supervisors once that is past the warning threshold (60 s by default) or the lag "
					+ "cannot be measured; measured every 5 s")
	@SecurityRequirement(name = ContractDocument.STAFF_TOKEN, scopes = { "ON_CALL", "SUPERVISOR" })
	@GetMapping("/api/alerts/paging-lag")
	PagingLagReport pagingLag() {
		return this.lag.report();
	}

}
