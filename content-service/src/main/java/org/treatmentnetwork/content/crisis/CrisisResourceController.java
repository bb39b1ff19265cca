package org.treatmentnetwork.content.crisis;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public crisis lines. Served from configuration held in memory, never from the
 * database, so this answers even during a database outage.
 */
@RestController
class CrisisResourceController {

	private final List<CrisisResource> resources;

	CrisisResourceController(CrisisProperties properties) {
		this.resources = properties.resources().stream().map(CrisisResource::from).toList();
	}

	@GetMapping("/api/content/crisis-resources")
	List<CrisisResource> list() {
		return this.resources;
	}

}
