package org.treatmentnetwork.notification.contactmethods;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.channels.AlertMessage;
import org.treatmentnetwork.notification.channels.ChannelGuard;
import org.treatmentnetwork.notification.channels.DeliveryChannel;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import org.treatmentnetwork.notification.oncall.StaffDocument;
import org.treatmentnetwork.notification.problems.ConflictException;
import org.treatmentnetwork.notification.problems.ForbiddenException;
import org.treatmentnetwork.notification.problems.InvalidRequestException;
import org.treatmentnetwork.notification.problems.InvalidRequestException.FieldError;
import org.treatmentnetwork.notification.problems.NotFoundException;
import org.treatmentnetwork.notification.problems.TooManyRequestsException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Staff's own contact methods: read, replaced, confirmed with a code sent to them, tried
 * with a test message; and a team's methods for its supervisors. The staff id is always
 * the caller's token's {@code sub}: nobody reads or changes another person's methods, and
 * a supervisor sees others' addresses only masked.
 * <p>
 * A method added by a {@code PUT} is stored awaiting its confirmation (pages skip it) and
 * is sent a code at once; methods already stored keep their state. The list is replaced
 * in one update that applies only to the revision it was computed from, so a confirmation
 * arriving meanwhile is never undone. Addresses and codes are never logged.
 */
@Component
class ContactMethods {

	private static final Logger log = LoggerFactory.getLogger(ContactMethods.class);

	private static final Pattern CODE = Pattern.compile("[0-9]{6}");

	private static final int STORE_ATTEMPTS = 3;

	private final ReactiveMongoTemplate mongo;

	private final OnCallDirectory directory;

	private final ContactMethodConfirmations confirmations;

	private final SendLimits limits;

	private final Map<ContactMethod.Kind, DeliveryChannel> channels = new EnumMap<>(ContactMethod.Kind.class);

	private final ContactMethodsProperties properties;

	private final Clock clock;

	ContactMethods(ReactiveMongoTemplate mongo, OnCallDirectory directory, ContactMethodConfirmations confirmations,
			SendLimits limits, List<DeliveryChannel> channels, ContactMethodsProperties properties, Clock clock) {
		this.mongo = mongo;
		this.directory = directory;
		this.confirmations = confirmations;
		this.limits = limits;
		channels.forEach((channel) -> this.channels.put(channel.kind(), channel));
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The caller's methods.
	 * @param staffId the token's {@code sub}
	 * @return the methods in paging order; {@code 404} without a staff record
	 */
	Mono<ContactMethodsResponse> mine(String staffId) {
		return staff(staffId).map((read) -> ContactMethodsResponse.of(staffId, read.staff().methods()));
	}

	/**
	 * Replaces the caller's methods: {@code 400} for an invalid body (before anything is
	 * looked up), {@code 404} without a staff record. New methods are sent a code.
	 * @param staffId the token's {@code sub}
	 * @param request the new methods
	 * @return the stored methods, with whether a code went to each new one
	 */
	Mono<ContactMethodsResponse> replace(String staffId, ContactMethodsRequest request) {
		return Mono.fromCallable(() -> ContactMethodRules.validate(request, this.properties.localWebhooks()))
			.flatMap((requested) -> store(staffId, requested, STORE_ATTEMPTS))
			.flatMap((stored) -> sendCodes(staffId, stored.added())
				.map((sent) -> ContactMethodsResponse.of(staffId, stored.methods(), sent)));
	}

	/**
	 * Confirms one of the caller's methods with the code sent to it.
	 * @param staffId the token's {@code sub}
	 * @param request the method and the code
	 * @return the methods; {@code 400} for a wrong, expired or used-up code, {@code 404}
	 * for a method the caller does not have
	 */
	Mono<ContactMethodsResponse> confirm(String staffId, ConfirmationRequest request) {
		return Mono.fromCallable(() -> parse(request))
			.flatMap((parsed) -> method(staffId, parsed.method())
				.flatMap((found) -> found.method().usable() ? Mono.just(ContactMethodsResponse.of(staffId, found.all()))
						: checkCode(staffId, parsed.method(), parsed.code())));
	}

	/**
	 * Sends a new code to one of the caller's methods awaiting confirmation; the earlier
	 * code no longer counts.
	 * @param staffId the token's {@code sub}
	 * @param reference the method
	 * @return the methods, with whether the code went out; {@code 404} for a method the
	 * caller does not have, {@code 409} if it is confirmed, {@code 429} too soon after
	 * the last code to it or over the caller's limit of codes
	 */
	Mono<ContactMethodsResponse> sendCode(String staffId, MethodReference reference) {
		return Mono
			.fromCallable(() -> ContactMethodRules.reference((reference != null) ? reference.kind() : null,
					(reference != null) ? reference.address() : null, this.properties.localWebhooks()))
			.flatMap((key) -> method(staffId, key).flatMap((found) -> {
				if (found.method().usable()) {
					return Mono.error(new ConflictException("This contact method is already confirmed."));
				}
				Instant now = this.clock.instant();
				return this.confirmations.lastSent(staffId, key.kind(), key.address())
					.map((sentAt) -> sentAt.plus(this.properties.codeInterval()))
					.filter((next) -> next.isAfter(now))
					.flatMap((next) -> Mono.<String>error(tooSoon(Duration.between(now, next))))
					.then(Mono.defer(() -> takeOrRefuse(staffId, SendLimits.Limit.codes(this.properties), now,
							"You have asked for " + this.properties.codeLimit() + " codes within "
									+ describe(this.properties.codePeriod()) + ". Ask again later.")))
					.then(Mono.defer(() -> this.confirmations.reissue(staffId, key.kind(), key.address(), now)))
					.switchIfEmpty(Mono.error(() -> tooSoon(this.properties.codeInterval())))
					.flatMap((code) -> deliver(staffId, found.method(),
							ContactMethodMessages.code(code, this.properties.codeValidity()), "Confirmation code"))
					.map((delivery) -> ContactMethodsResponse.of(staffId, found.all(),
							Map.of(ContactMethodRules.key(key.kind(), key.address()), delivery)));
			}));
	}

	/**
	 * Sends a test message to one of the caller's confirmed methods.
	 * @param staffId the token's {@code sub}
	 * @param reference the method
	 * @return whether it went out; {@code 404} for a method the caller does not have,
	 * {@code 409} if it awaits its confirmation, {@code 429} over the caller's limit of
	 * test messages
	 */
	Mono<TestMessageResponse> sendTest(String staffId, MethodReference reference) {
		return Mono
			.fromCallable(() -> ContactMethodRules.reference((reference != null) ? reference.kind() : null,
					(reference != null) ? reference.address() : null, this.properties.localWebhooks()))
			.flatMap((key) -> method(staffId, key).flatMap((found) -> {
				if (!found.method().usable()) {
					return Mono.error(new ConflictException(
							"This contact method awaits its confirmation: enter the code sent to it first."));
				}
				return takeOrRefuse(staffId, SendLimits.Limit.tests(this.properties), this.clock.instant(),
						"You have sent " + this.properties.testLimit() + " test messages within "
								+ describe(this.properties.testPeriod()) + ". Try again later.")
					.then(Mono
						.defer(() -> deliver(staffId, found.method(), ContactMethodMessages.test(), "Test message")))
					.map((delivery) -> new TestMessageResponse(key.kind().name(), key.address(), delivery));
			}));
	}

	/**
	 * A team's people and their methods, masked, for one of the team's supervisors.
	 * @param teamId the team
	 * @param staffId the token's {@code sub}
	 * @return the view; {@code 404} for an unknown team, {@code 403} unless the caller is
	 * one of its supervisors
	 */
	Mono<TeamContactMethodsResponse> team(String teamId, String staffId) {
		return this.directory.roster(teamId, this.clock.instant())
			.switchIfEmpty(Mono.error(() -> new NotFoundException("There is no such team.")))
			.flatMap((roster) -> {
				if (!roster.isSupervisedBy(staffId)) {
					log.warn("Contact methods of team {} refused: {} is not one of its supervisors", roster.teamId(),
							staffId);
					return Mono
						.error(new ForbiddenException("Only this team's supervisors may see its contact methods."));
				}
				return this.mongo.find(query(where("_id").in(roster.staffIds())), StaffDocument.class)
					.collectMap(StaffDocument::id)
					.map((staff) -> teamView(roster.teamId(), roster.staffIds(), staff));
			});
	}

	private static TeamContactMethodsResponse teamView(String teamId, List<String> staffIds,
			Map<String, StaffDocument> staff) {
		List<TeamContactMethodsResponse.MemberContactMethods> members = new ArrayList<>();
		List<String> unreachable = new ArrayList<>();
		for (String staffId : staffIds) {
			StaffDocument member = staff.get(staffId);
			List<ContactMethod> methods = (member != null) ? member.methods() : List.of();
			boolean reachable = member != null && member.reachable();
			if (!reachable) {
				unreachable.add(staffId);
			}
			members.add(new TeamContactMethodsResponse.MemberContactMethods(staffId,
					(member != null) ? member.displayName() : null, reachable,
					methods.stream()
						.map((method) -> new TeamContactMethodsResponse.MaskedContactMethod(method.kind().name(),
								ContactMethodRules.mask(method), method.urgencies(), method.usable()))
						.toList()));
		}
		return new TeamContactMethodsResponse(teamId, members, unreachable);
	}

	private Mono<ContactMethodsResponse> checkCode(String staffId, ContactMethodRules.MethodKey key, String code) {
		return this.confirmations.check(staffId, key.kind(), key.address(), code, this.clock.instant())
			.flatMap((check) -> switch (check.outcome()) {
				case MATCHED -> markConfirmed(staffId, key, STORE_ATTEMPTS);
				case WRONG -> {
					log.info("Wrong confirmation code for {} by {}, attempts left: {}", staffId, key.kind(),
							check.attemptsLeft());
					yield Mono.error(wrongCode(check.attemptsLeft()));
				}
				case EXPIRED -> Mono.error(new InvalidRequestException(
						"There is no code to enter for this contact method: it has expired, was entered wrongly "
								+ "too often or was never sent. Ask for a new code.",
						List.of(new FieldError("code", "has expired or its attempts are used up"))));
			});
	}

	private Mono<ContactMethodsResponse> markConfirmed(String staffId, ContactMethodRules.MethodKey key, int attempts) {
		return staff(staffId).flatMap((read) -> {
			List<ContactMethod> methods = read.staff()
				.methods()
				.stream()
				.map((method) -> key.matches(method)
						? new ContactMethod(method.kind(), method.address(), method.urgencies(), true) : method)
				.toList();
			if (methods.stream().noneMatch(key::matches)) {
				return Mono.error(noSuchMethod());
			}
			return write(staffId, read.revision(), methods).flatMap((stored) -> {
				if (!stored) {
					return (attempts > 1) ? markConfirmed(staffId, key, attempts - 1) : Mono.error(changedMeanwhile());
				}
				log.info("Contact method of {} by {} confirmed", staffId, key.kind());
				return this.confirmations.remove(staffId, key.kind(), key.address())
					.thenReturn(ContactMethodsResponse.of(staffId, methods));
			});
		});
	}

	/**
	 * Stores a person's methods over the revision they were computed from.
	 * @return whether they were stored; {@code false} if the methods changed since
	 */
	private Mono<Boolean> write(String staffId, Long revision, List<ContactMethod> methods) {
		// null also matches a document without a revision (never changed through the API)
		return this.mongo
			.updateFirst(query(where("_id").is(staffId).and(StaffDocument.CONTACT_METHODS_REVISION).is(revision)),
					new Update().set(StaffDocument.CONTACT_METHODS, methods)
						.set(StaffDocument.CONTACT_METHODS_REVISION, (revision != null) ? revision + 1 : 1L),
					StaffDocument.class)
			.map((result) -> result.getMatchedCount() > 0);
	}

	private static boolean reachableForCrisis(List<ContactMethod> methods) {
		return methods.stream().anyMatch((method) -> method.usable() && method.appliesTo("CRISIS"));
	}

	private static ConflictException changedMeanwhile() {
		return new ConflictException("Your contact methods were changed at the same time. Reload them and try again.");
	}

	private static InvalidRequestException wrongCode(int attemptsLeft) {
		String detail = (attemptsLeft > 0) ? "The code is not the one sent. " + attemptsLeft
				+ ((attemptsLeft == 1) ? " attempt" : " attempts") + " left."
				: "The code is not the one sent, and no attempts are left. Ask for a new code.";
		return new InvalidRequestException(detail, List.of(new FieldError("code", "is not the code sent")));
	}

	private Mono<Stored> store(String staffId, List<ContactMethod> requested, int attempts) {
		return staff(staffId).flatMap((read) -> {
			List<ContactMethod> current = read.staff().methods();
			List<ContactMethod> methods = new ArrayList<>();
			List<ContactMethod> added = new ArrayList<>();
			for (ContactMethod method : requested) {
				Optional<ContactMethod> existing = current.stream()
					.filter((stored) -> stored.kind() == method.kind() && method.address().equals(stored.address()))
					.findFirst();
				// an existing method keeps its state, null (stored by an administrator
				// or the seed) included
				ContactMethod kept = new ContactMethod(method.kind(), method.address(), method.urgencies(),
						existing.isPresent() ? existing.get().confirmed() : Boolean.FALSE);
				methods.add(kept);
				if (existing.isEmpty()) {
					added.add(kept);
				}
			}
			// Nobody can page themselves out of reach: whoever could be reached for a
			// CRISIS
			// alert keeps a confirmed method for it until a new one is confirmed.
			if (reachableForCrisis(current) && !reachableForCrisis(methods)) {
				return Mono.error(new ConflictException("Keep at least one confirmed contact method for CRISIS alerts "
						+ "until the new one is confirmed with the code sent to it; then remove the old one."));
			}
			return write(staffId, read.revision(), methods).flatMap((stored) -> {
				if (!stored) {
					return (attempts > 1) ? store(staffId, requested, attempts - 1) : Mono.error(changedMeanwhile());
				}
				log.info("Contact methods of {} replaced: {} methods, {} new", staffId, methods.size(), added.size());
				return this.confirmations
					.keepOnly(staffId, methods.stream()
						.map((method) -> ContactMethodConfirmations.id(staffId, method.kind(), method.address()))
						.toList())
					.thenReturn(new Stored(methods, added));
			});
		});
	}

	private Mono<Map<String, Delivery>> sendCodes(String staffId, List<ContactMethod> added) {
		Instant now = this.clock.instant();
		SendLimits.Limit limit = SendLimits.Limit.codes(this.properties);
		return Flux.fromIterable(added)
			// one after the other, so the limit is counted right; the sends side by side
			.concatMap((method) -> this.limits.take(staffId, limit, now).flatMap((taken) -> {
				if (taken) {
					return this.confirmations.issue(staffId, method.kind(), method.address(), now).map(Optional::of);
				}
				log.info("Confirmation code to {} by {} not sent: the limit of codes is reached", staffId,
						method.kind());
				return Mono.just(Optional.<String>empty());
			}).onErrorResume((ex) -> {
				log.warn("Confirmation code to {} by {} not made: {}", staffId, method.kind(), ex.getClass().getName());
				return Mono.just(Optional.empty());
			}).map((code) -> new PendingCode(method, code)))
			.flatMap((pending) -> pending.code()
				.map((code) -> deliver(staffId, pending.method(),
						ContactMethodMessages.code(code, this.properties.codeValidity()), "Confirmation code"))
				.orElseGet(() -> Mono.just(Delivery.NOT_SENT))
				.map((delivery) -> Map
					.entry(ContactMethodRules.key(pending.method().kind(), pending.method().address()), delivery)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
	}

	private Mono<Delivery> deliver(String staffId, ContactMethod method, AlertMessage message, String what) {
		DeliveryChannel channel = this.channels.get(method.kind());
		if (channel == null || !channel.enabled()) {
			log.info("{} to {} by {} not sent: the channel is off", what, staffId, method.kind());
			return Mono.just(Delivery.NOT_SENT);
		}
		return Mono.defer(() -> channel.send(staffId, message.to(method.address())))
			.timeout(this.properties.sendTimeout())
			.thenReturn(Delivery.SENT)
			.doOnNext((sent) -> log.info("{} to {} by {} sent", what, staffId, method.kind()))
			.onErrorResume((ex) -> {
				log.warn("{} to {} by {} not sent: {}", what, staffId, method.kind(), ChannelGuard.reason(ex));
				return Mono.just(Delivery.NOT_SENT);
			});
	}

	private Mono<Void> takeOrRefuse(String staffId, SendLimits.Limit limit, Instant now, String detail) {
		return this.limits.take(staffId, limit, now)
			.flatMap((taken) -> taken ? Mono.<Void>empty() : this.limits.retryAfter(staffId, limit, now)
				.flatMap((wait) -> Mono.error(new TooManyRequestsException(detail, wait))));
	}

	private TooManyRequestsException tooSoon(Duration wait) {
		return new TooManyRequestsException("A code was sent to this contact method less than "
				+ describe(this.properties.codeInterval()) + " ago. Wait for it, or ask again shortly.", wait);
	}

	private Mono<Found> method(String staffId, ContactMethodRules.MethodKey key) {
		return staff(staffId)
			.flatMap((read) -> Mono.justOrEmpty(read.staff().methods().stream().filter(key::matches).findFirst())
				.map((method) -> new Found(method, read.staff().methods()))
				.switchIfEmpty(Mono.error(ContactMethods::noSuchMethod)));
	}

	private Mono<StaffRead> staff(String staffId) {
		return this.mongo.findById(staffId, Document.class, StaffDocument.COLLECTION).map((document) -> {
			Object revision = document.get(StaffDocument.CONTACT_METHODS_REVISION);
			return new StaffRead(this.mongo.getConverter().read(StaffDocument.class, document),
					(revision instanceof Number number) ? number.longValue() : null);
		})
			.switchIfEmpty(Mono.error(() -> new NotFoundException(
					"There is no on-call staff record for you. Ask a supervisor to add you.")));
	}

	private ParsedConfirmation parse(ConfirmationRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ContactMethodRules.MethodKey key = null;
		try {
			key = ContactMethodRules.reference((request != null) ? request.kind() : null,
					(request != null) ? request.address() : null, this.properties.localWebhooks());
		}
		catch (InvalidRequestException ex) {
			errors.addAll(ex.getErrors());
		}
		String code = (request != null && request.code() != null) ? request.code().replaceAll("\\s", "") : "";
		if (!CODE.matcher(code).matches()) {
			errors.add(new FieldError("code", "must be the 6 digits sent"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new ParsedConfirmation(key, code);
	}

	private static NotFoundException noSuchMethod() {
		return new NotFoundException("You have no contact method of this kind and address.");
	}

	/**
	 * A duration for people: {@code 15 minutes}, {@code 1 hour}.
	 * @param duration the duration
	 * @return the words
	 */
	static String describe(Duration duration) {
		if (duration.toSeconds() % 3600 == 0) {
			long hours = duration.toHours();
			return hours + ((hours == 1) ? " hour" : " hours");
		}
		if (duration.toSeconds() % 60 == 0) {
			long minutes = duration.toMinutes();
			return minutes + ((minutes == 1) ? " minute" : " minutes");
		}
		long seconds = duration.toSeconds();
		return seconds + ((seconds == 1) ? " second" : " seconds");
	}

	private record StaffRead(StaffDocument staff, Long revision) {

	}

	private record Stored(List<ContactMethod> methods, List<ContactMethod> added) {

	}

	private record Found(ContactMethod method, List<ContactMethod> all) {

	}

	private record PendingCode(ContactMethod method, Optional<String> code) {

	}

	private record ParsedConfirmation(ContactMethodRules.MethodKey method, String code) {

	}

}
