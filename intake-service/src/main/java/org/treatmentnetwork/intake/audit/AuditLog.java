package org.treatmentnetwork.intake.audit;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.intake.system.RequiredIndexes;

/**
 * Records staff access to contact requests in {@code audit_log}. Callers return the data
 * only after the record is stored, so no read goes unrecorded.
 */
@Component
public class AuditLog {

	static final String READ = "READ";

	static final String QUEUE_READ = "QUEUE_READ";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	AuditLog(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Records that a staff member read a request.
	 * @param staffSub the staff member's id
	 * @param requestId the request
	 * @return completes once the record is stored
	 */
	public Mono<Void> recordRead(String staffSub, String requestId) {
		return Mono
			.defer(() -> this.mongo.insert(new AuditRecord(null, staffSub, this.clock.instant(), requestId, READ)))
			.then();
	}

	/**
	 * Records that a staff member read the call center's queue (which lists no personal
	 * data, but shows which requests exist).
	 * @param staffSub the staff member's id
	 * @return completes once the record is stored
	 */
	public Mono<Void> recordQueueRead(String staffSub) {
		return Mono
			.defer(() -> this.mongo.insert(new AuditRecord(null, staffSub, this.clock.instant(), null, QUEUE_READ)))
			.then();
	}

	@Configuration(proxyBeanMethods = false)
	static class Indexes {

		@Bean
		RequiredIndexes auditLogIndexes() {
			return RequiredIndexes.of(AuditRecord.COLLECTION,
					new Index().on("requestId", Sort.Direction.ASC)
						.on("at", Sort.Direction.DESC)
						.named("request_reads"),
					new Index().on("staffSub", Sort.Direction.ASC).on("at", Sort.Direction.DESC).named("staff_reads"));
		}

	}

}
