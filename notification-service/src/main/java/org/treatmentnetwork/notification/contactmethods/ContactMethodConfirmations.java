package org.treatmentnetwork.notification.contactmethods;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;

import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.store.StoreInitializer;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The confirmation codes of contact methods ({@code contactMethodConfirmations}): one
 * document per method awaiting its confirmation, holding a salted hash of the code last
 * sent, its expiry and the attempts left. Checking a code spends an attempt in one atomic
 * update, so however many requests guess at once, no more than the allowed number are
 * checked.
 */
@Component
class ContactMethodConfirmations implements StoreInitializer {

	private static final int SALT_BYTES = 16;

	private final ReactiveMongoTemplate mongo;

	private final ContactMethodsProperties properties;

	private final SecureRandom random = new SecureRandom();

	ContactMethodConfirmations(ReactiveMongoTemplate mongo, ContactMethodsProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	@Override
	public Mono<Void> initialize() {
		return this.mongo.indexOps(ConfirmationDocument.class)
			.createIndex(new Index(ConfirmationDocument.STAFF_ID, Sort.Direction.ASC).named("staffId"))
			.then();
	}

	/**
	 * The id of a method's document: a hash of whose it is, its kind and its address, so
	 * that the collection holds no address.
	 * @param staffId the staff id
	 * @param kind the kind
	 * @param address the address in its stored form
	 * @return hex SHA-256
	 */
	static String id(String staffId, ContactMethod.Kind kind, String address) {
		return HexFormat.of()
			.formatHex(sha256(staffId.getBytes(StandardCharsets.UTF_8), new byte[] { 0 },
					kind.name().getBytes(StandardCharsets.UTF_8), new byte[] { 0 },
					address.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A new code for a method, replacing any earlier one.
	 * @param staffId whose method it is
	 * @param kind the kind
	 * @param address the address
	 * @param now the time
	 * @return the code, to send; it is not stored
	 */
	Mono<String> issue(String staffId, ContactMethod.Kind kind, String address, Instant now) {
		String id = id(staffId, kind, address);
		String code = newCode();
		return this.mongo
			.upsert(query(where("_id").is(id)), codeUpdate(id, staffId, kind, code, now), ConfirmationDocument.class)
			.thenReturn(code);
	}

	/**
	 * A new code for a method, unless one was sent to it within the code interval.
	 * @param staffId whose method it is
	 * @param kind the kind
	 * @param address the address
	 * @param now the time
	 * @return the code, or empty if one was sent too recently
	 */
	Mono<String> reissue(String staffId, ContactMethod.Kind kind, String address, Instant now) {
		String id = id(staffId, kind, address);
		String code = newCode();
		Instant earliest = now.minus(this.properties.codeInterval());
		// A document with a recent code does not match; the upsert then tries to insert
		// its id again, which the unique _id refuses.
		return this.mongo
			.upsert(query(where("_id").is(id).and(ConfirmationDocument.SENT_AT).lte(earliest)),
					codeUpdate(id, staffId, kind, code, now), ConfirmationDocument.class)
			.thenReturn(code)
			.onErrorResume(DuplicateKeyException.class, (recent) -> Mono.empty());
	}

	/**
	 * When a code was last sent to a method.
	 * @param staffId whose method it is
	 * @param kind the kind
	 * @param address the address
	 * @return the time, or empty if no code is waiting
	 */
	Mono<Instant> lastSent(String staffId, ContactMethod.Kind kind, String address) {
		return this.mongo.findById(id(staffId, kind, address), ConfirmationDocument.class)
			.mapNotNull(ConfirmationDocument::sentAt);
	}

	/**
	 * Checks a code, spending one attempt.
	 * @param staffId whose method it is
	 * @param kind the kind
	 * @param address the address
	 * @param code the code entered
	 * @param now the time
	 * @return the outcome
	 */
	Mono<Check> check(String staffId, ContactMethod.Kind kind, String address, String code, Instant now) {
		String id = id(staffId, kind, address);
		return this.mongo
			.findAndModify(
					query(where("_id").is(id)
						.and(ConfirmationDocument.ATTEMPTS_LEFT)
						.gt(0)
						.and(ConfirmationDocument.EXPIRES_AT)
						.gt(now)),
					new Update().inc(ConfirmationDocument.ATTEMPTS_LEFT, -1),
					FindAndModifyOptions.options().returnNew(true), ConfirmationDocument.class)
			.map((stored) -> new Check(MessageDigest.isEqual(Base64.getDecoder().decode(stored.codeHash()),
					hash(Base64.getDecoder().decode(stored.salt()), id, code)) ? Outcome.MATCHED : Outcome.WRONG,
					stored.attemptsLeft()))
			.switchIfEmpty(Mono.fromSupplier(() -> new Check(Outcome.EXPIRED, 0)));
	}

	/**
	 * Forgets the code of a method (it was confirmed).
	 * @param staffId whose method it is
	 * @param kind the kind
	 * @param address the address
	 * @return completes when removed
	 */
	Mono<Void> remove(String staffId, ContactMethod.Kind kind, String address) {
		return this.mongo.remove(query(where("_id").is(id(staffId, kind, address))), ConfirmationDocument.class).then();
	}

	/**
	 * Forgets the codes of a person's methods that are no longer stored.
	 * @param staffId the person
	 * @param kept the ids ({@link #id}) of the methods they still have
	 * @return completes when removed
	 */
	Mono<Void> keepOnly(String staffId, Collection<String> kept) {
		return this.mongo
			.remove(query(where(ConfirmationDocument.STAFF_ID).is(staffId).and("_id").nin(kept)),
					ConfirmationDocument.class)
			.then();
	}

	private Update codeUpdate(String id, String staffId, ContactMethod.Kind kind, String code, Instant now) {
		byte[] salt = new byte[SALT_BYTES];
		this.random.nextBytes(salt);
		return new Update().set(ConfirmationDocument.STAFF_ID, staffId)
			.set("kind", kind.name())
			.set("salt", Base64.getEncoder().encodeToString(salt))
			.set("codeHash", Base64.getEncoder().encodeToString(hash(salt, id, code)))
			.set(ConfirmationDocument.SENT_AT, now)
			.set(ConfirmationDocument.EXPIRES_AT, now.plus(this.properties.codeValidity()))
			.set(ConfirmationDocument.ATTEMPTS_LEFT, this.properties.codeAttempts());
	}

	private String newCode() {
		return String.format(Locale.ROOT, "%06d", this.random.nextInt(1_000_000));
	}

	private static byte[] hash(byte[] salt, String id, String code) {
		return sha256(salt, id.getBytes(StandardCharsets.UTF_8), new byte[] { 0 },
				code.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] sha256(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * The outcome of checking a code.
	 *
	 * @param outcome what the code was
	 * @param attemptsLeft how many more codes may be entered
	 */
	record Check(Outcome outcome, int attemptsLeft) {

	}

	/**
	 * What an entered code was.
	 */
	enum Outcome {

		/** The code sent. */
		MATCHED,

		/** Another code; one attempt is spent. */
		WRONG,

		/**
		 * Not checked: no code is waiting, it has expired or its attempts are used up.
		 */
		EXPIRED

	}

}
