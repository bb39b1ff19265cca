package org.treatmentnetwork.content.centers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatmentnetwork.content.problems.InvalidParameterException;

/**
 * The public center finder: {@code near=LAT,LNG} (nearest first, within {@code radiusKm},
 * default 100 km) and {@code service} (one of the service codes). Without {@code near}
 * every center is listed by state, city and name.
 */
@Tag(name = "Centers", description = "The center finder: public")
@RestController
class CenterController {

	static final double DEFAULT_RADIUS_KM = 100;

	private static final String SERVICES = Arrays.stream(CenterService.values())
		.map(Enum::name)
		.collect(Collectors.joining(", "));

	private final CenterCatalog catalog;

	CenterController(CenterCatalog catalog) {
		this.catalog = catalog;
	}

	@Operation(summary = "Find treatment centers",
			description = "With `near=LAT,LNG`: centers within `radiusKm` (default 100), nearest first. "
					+ "Without: every center by state, city and name. `service` filters by a service code.")
	@GetMapping("/api/content/centers")
	Mono<List<Center>> find(@RequestParam(name = "near", required = false) @Size(max = 64) String near,
			@RequestParam(name = "radiusKm", required = false) @DecimalMin("0.1") @DecimalMax("1000") Double radiusKm,
			@RequestParam(name = "service", required = false) @Size(max = 32) String service,
			@RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(50) int limit) {
		CenterService wanted = parseService(service);
		if (near == null) {
			if (radiusKm != null) {
				throw new InvalidParameterException("radiusKm", "needs near");
			}
			return this.catalog.all(wanted, limit);
		}
		return this.catalog.near(GeoPoint.parse(near), (radiusKm != null) ? radiusKm : DEFAULT_RADIUS_KM, wanted,
				limit);
	}

	private static CenterService parseService(String service) {
		if (service == null || service.isBlank()) {
			return null;
		}
		try {
			return CenterService.valueOf(service.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException("service", "must be one of: " + SERVICES);
		}
	}

}
