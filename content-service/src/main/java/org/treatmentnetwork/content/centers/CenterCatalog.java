package org.treatmentnetwork.content.centers;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.content.mongo.MongoProperties;

/**
 * Finds centers. A {@code near} search narrows the candidates in MongoDB with a
 * latitude/longitude bounding box (plain range queries on an ordinary index, which real
 * MongoDB and the embedded wire-protocol server both support) and then computes the exact
 * great-circle distance in the application, keeping those within the radius, nearest
 * first. No {@code $near}/{@code $geoNear} or 2dsphere index is needed.
 */
@Component
class CenterCatalog {

	private final ReactiveMongoTemplate mongo;

	private final Duration timeout;

	CenterCatalog(ReactiveMongoTemplate mongo, MongoProperties mongoProperties) {
		this.mongo = mongo;
		this.timeout = mongoProperties.operationTimeout();
	}

	/**
	 * Centers near a point, nearest first.
	 * @param near the point
	 * @param radiusKm the search radius
	 * @param service a service every result offers, or {@code null}
	 * @param limit the most centers to return
	 * @return the centers with their distance
	 */
	Mono<List<Center>> near(GeoPoint near, double radiusKm, CenterService service, int limit) {
		double latDelta = GeoPoint.latitudeDelta(radiusKm);
		Criteria criteria = Criteria.where("location.lat").gte(near.lat() - latDelta).lte(near.lat() + latDelta);
		double lngDelta = near.longitudeDelta(radiusKm);
		if (!Double.isNaN(lngDelta) && near.lng() - lngDelta >= -180 && near.lng() + lngDelta <= 180) {
			criteria = criteria.and("location.lng").gte(near.lng() - lngDelta).lte(near.lng() + lngDelta);
		}
		if (service != null) {
			criteria = criteria.and("services").is(service.name());
		}
		return this.mongo.find(new Query(criteria), CenterDocument.class)
			.collectList()
			.timeout(this.timeout)
			.map((documents) -> documents.stream()
				.map((document) -> new Candidate(document,
						near.distanceKm(new GeoPoint(document.location().lat(), document.location().lng()))))
				.filter((candidate) -> candidate.distanceKm() <= radiusKm)
				.sorted(Comparator.comparingDouble(Candidate::distanceKm)
					.thenComparing((candidate) -> candidate.document().name()))
				.limit(limit)
				.map((candidate) -> Center.from(candidate.document(), candidate.distanceKm()))
				.toList());
	}

	/**
	 * Every center, by state, city and name.
	 * @param service a service every result offers, or {@code null}
	 * @param limit the most centers to return
	 * @return the centers, without distance
	 */
	Mono<List<Center>> all(CenterService service, int limit) {
		Query query = new Query((service != null) ? Criteria.where("services").is(service.name()) : new Criteria())
			.with(Sort.by("address.state", "address.city", "name"))
			.limit(limit);
		return this.mongo.find(query, CenterDocument.class)
			.map((document) -> Center.from(document, null))
			.collectList()
			.timeout(this.timeout);
	}

	private record Candidate(CenterDocument document, double distanceKm) {

	}

}
