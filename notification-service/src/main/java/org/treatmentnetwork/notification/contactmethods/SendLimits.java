package org.treatmentnetwork.notification.contactmethods;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * How many confirmation codes and test messages each person had sent lately
 * ({@code contactMethodSends}, one document per person): for each purpose, the times of
 * the last sends, as many as the limit. A send is allowed when fewer times than the limit
 * are stored or the oldest is outside the period; taking it pushes the time and keeps the
 * newest ones, in one conditional update, so that instances side by side never send more
 * than the limit together.
 */
@Component
class SendLimits {

	static final String COLLECTION = "contactMethodSends";

	private final ReactiveMongoTemplate mongo;

	SendLimits(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Takes one send if the limit allows it.
	 * @param staffId the person
	 * @param limit the purpose's limit
	 * @param now the time
	 * @return {@code true} if taken, {@code false} if the limit is reached
	 */
	Mono<Boolean> take(String staffId, Limit limit, Instant now) {
		return attempt(staffId, limit, now)
			// two first sends at once: the loser's insert met the winner's document
			.onErrorResume(DuplicateKeyException.class, (raced) -> attempt(staffId, limit, now))
			.onErrorResume(DuplicateKeyException.class, (reached) -> Mono.just(false));
	}

	/**
	 * How long until the limit allows another send.
	 * @param staffId the person
	 * @param limit the purpose's limit
	 * @param now the time
	 * @return the wait, at least one second
	 */
	Mono<Duration> retryAfter(String staffId, Limit limit, Instant now) {
		return this.mongo.findById(staffId, Document.class, COLLECTION)
			.mapNotNull((sends) -> sends.getList(limit.field(), Date.class))
			.filter((times) -> times.size() >= limit.count())
			.map((times) -> Duration.between(now, times.getFirst().toInstant().plus(limit.period())))
			.defaultIfEmpty(Duration.ZERO)
			.map((wait) -> (wait.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : wait);
	}

	private Mono<Boolean> attempt(String staffId, Limit limit, Instant now) {
		Date since = Date.from(now.minus(limit.period()));
		Criteria allowed = new Criteria().orOperator(where(limit.field() + "." + (limit.count() - 1)).exists(false),
				where(limit.field() + ".0").lte(since));
		Update take = new Update();
		take.push(limit.field()).sort(Sort.Direction.ASC).slice(-limit.count()).each(Date.from(now));
		return this.mongo
			.findAndModify(query(where("_id").is(staffId).andOperator(allowed)), take,
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
			.thenReturn(true);
	}

	/**
	 * A limit of one purpose.
	 *
	 * @param field the field of the send times
	 * @param count how many sends within the period
	 * @param period the period
	 */
	record Limit(String field, int count, Duration period) {

		static Limit codes(ContactMethodsProperties properties) {
			return new Limit("codes", properties.codeLimit(), properties.codePeriod());
		}

		static Limit tests(ContactMethodsProperties properties) {
			return new Limit("tests", properties.testLimit(), properties.testPeriod());
		}

	}

}
