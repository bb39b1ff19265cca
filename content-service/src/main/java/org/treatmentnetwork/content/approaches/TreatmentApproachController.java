package org.treatmentnetwork.content.approaches;

import java.util.List;

import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.content.locales.ContentLocales;

/**
 * The public list of treatment approaches.
 */
@Tag(name = "Treatment approaches", description = "What treatment can look like: public")
@RestController
class TreatmentApproachController {

	private final TreatmentApproachCatalog catalog;

	private final ContentLocales locales;

	TreatmentApproachController(TreatmentApproachCatalog catalog, ContentLocales locales) {
		this.catalog = catalog;
		this.locales = locales;
	}

	@Operation(summary = "List the treatment approaches", description = "In display order")
	@GetMapping("/api/content/treatment-approaches")
	Mono<ResponseEntity<List<TreatmentApproach>>> list(@RequestParam(name = "locale", required = false) String locale) {
		return this.catalog.list(this.locales.resolve(locale))
			.map((approaches) -> ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "public, max-age=300, stale-if-error=86400")
				.body(approaches));
	}

}
