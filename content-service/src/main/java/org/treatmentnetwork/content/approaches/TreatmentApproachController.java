package org.treatmentnetwork.content.approaches;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.content.locales.ContentLocales;

/**
 * The public list of treatment approaches.
 */
@RestController
class TreatmentApproachController {

	private final TreatmentApproachCatalog catalog;

	private final ContentLocales locales;

	TreatmentApproachController(TreatmentApproachCatalog catalog, ContentLocales locales) {
		this.catalog = catalog;
		this.locales = locales;
	}

	@GetMapping("/api/content/treatment-approaches")
	Mono<ResponseEntity<List<TreatmentApproach>>> list(@RequestParam(name = "locale", required = false) String locale) {
		return this.catalog.list(this.locales.resolve(locale))
			.map((approaches) -> ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "public, max-age=300, stale-if-error=86400")
				.body(approaches));
	}

}
