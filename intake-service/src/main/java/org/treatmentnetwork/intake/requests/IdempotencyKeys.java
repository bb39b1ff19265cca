package org.treatmentnetwork.intake.requests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.intake.problems.ConflictException;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Remembers {@code Idempotency-Key}s for {@code intake.requests.idempotency-window}. The
 * first use of a key reserves a request id for it with one insert (the unique {@code _id}
 * decides between concurrent first uses); later uses with the same body get that id back,
 * with another body a {@code 409}. An expired key is taken over by a conditional update,
 * so it can be reused without a TTL index.
 */
@Component
class IdempotencyKeys {

	private final ReactiveMongoTemplate mongo;

	private final ContactRequestProperties properties;

	private final Clock clock;

	IdempotencyKeys(ReactiveMongoTemplate mongo, ContactRequestProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Reserves a request id for a key.
	 * @param key the header's value
	 * @param fingerprints identify the body: the first is stored, any of them matches a
	 * stored one (the body's hash under each configured look-up key)
	 * @param candidateId the id to use if the key is new
	 * @return the request id the key stands for: {@code candidateId} for a new key, the
	 * earlier one for a repeat; a {@link ConflictException} when the key was used with
	 * another body
	 */
	Mono<String> reserve(String key, List<String> fingerprints, String candidateId) {
		String keyId = sha256(key);
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			IdempotencyRecord fresh = new IdempotencyRecord(keyId, fingerprints.get(0), candidateId, now,
					now.plus(this.properties.idempotencyWindow()));
			return this.mongo.insert(fresh)
				.map(IdempotencyRecord::requestId)
				.onErrorResume(DuplicateKeyException.class, (ex) -> existing(fresh, fingerprints, now));
		}).retryWhen(Retry.max(3).filter(Contended.class::isInstance));
	}

	private Mono<String> existing(IdempotencyRecord fresh, List<String> fingerprints, Instant now) {
		return this.mongo.findById(fresh.id(), IdempotencyRecord.class)
			.switchIfEmpty(Mono.error(Contended::new))
			.flatMap((existing) -> {
				if (!existing.expiresAt().isAfter(now)) {
					return takeOver(fresh, now);
				}
				if (!fingerprints.contains(existing.fingerprint())) {
					return Mono.error(new ConflictException(
							"This Idempotency-Key was already used with a different request body."));
				}
				return Mono.just(existing.requestId());
			});
	}

	private Mono<String> takeOver(IdempotencyRecord fresh, Instant now) {
		Query expired = new Query(where("_id").is(fresh.id()).and("expiresAt").lte(now));
		Update update = new Update().set("fingerprint", fresh.fingerprint())
			.set("requestId", fresh.requestId())
			.set("createdAt", fresh.createdAt())
			.set("expiresAt", fresh.expiresAt());
		return this.mongo
			.findAndModify(expired, update, FindAndModifyOptions.options().returnNew(true), IdempotencyRecord.class)
			.map(IdempotencyRecord::requestId)
			.switchIfEmpty(Mono.error(Contended::new));
	}

	/**
	 * Removes keys that expired before {@code now}.
	 * @return how many were removed
	 */
	Mono<Long> removeExpired(Instant now) {
		return this.mongo.remove(new Query(where("expiresAt").lte(now)), IdempotencyRecord.class)
			.map((result) -> result.getDeletedCount());
	}

	static String sha256(String key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Another submission changed the key's record meanwhile; read it again. */
	private static final class Contended extends RuntimeException {

		Contended() {
			super("Idempotency key record changed concurrently", null, false, false);
		}

	}

}
