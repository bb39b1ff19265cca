package org.treatmentnetwork.content.crisis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.content.locales.ContentLocales;

/**
 * The public crisis lines. Served from configuration held in memory, never from the
 * database, so this answers even during a database outage. {@code Content-Language} says
 * which language was served; a locale without a translation gets the default one.
 */
@Tag(name = "Crisis lines", description = "Who to call now: public, served from memory")
@RestController
class CrisisResourceController {

	private final ContentLocales locales;

	private final Map<String, List<CrisisResource>> byLocale = new HashMap<>();

	CrisisResourceController(CrisisProperties properties, ContentLocales locales) {
		this.locales = locales;
		this.byLocale.put(locales.defaultLocale(), properties.resources().stream().map(CrisisResource::from).toList());
		properties.translations()
			.forEach((locale, resources) -> this.byLocale.putIfAbsent(locale,
					resources.stream().map(CrisisResource::from).toList()));
	}

	@Operation(summary = "The crisis lines",
			description = "988, the SAMHSA helpline and 911; answers even while the content database is down")
	@GetMapping("/api/content/crisis-resources")
	ResponseEntity<List<CrisisResource>> list(@RequestParam(name = "locale", required = false) String locale) {
		String requested = this.locales.resolve(locale);
		String served = this.byLocale.containsKey(requested) ? requested : this.locales.defaultLocale();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_LANGUAGE, served)
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=300, stale-if-error=86400")
			.body(this.byLocale.get(served));
	}

}
