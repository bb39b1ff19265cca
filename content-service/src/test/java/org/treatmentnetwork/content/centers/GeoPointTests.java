package org.treatmentnetwork.content.centers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.treatmentnetwork.content.problems.InvalidParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Parsing {@code near} and the haversine distance.
 */
class GeoPointTests {

	@Test
	void parsesDecimalDegrees() {
		assertThat(GeoPoint.parse("39.74,-104.99")).isEqualTo(new GeoPoint(39.74, -104.99));
		assertThat(GeoPoint.parse(" -33.9 , +151.2 ")).isEqualTo(new GeoPoint(-33.9, 151.2));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "39.74", "39.74;-104.99", "abc,def", "91,0", "0,181", "1e3,2", "39.74,-104.99,5",
			"NaN,0", "{\"$ne\":1}" })
	void rejectsMalformedOrOutOfRangePoints(String text) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> GeoPoint.parse(text))
			.satisfies((ex) -> assertThat(ex.error().field()).isEqualTo("near"));
	}

	@Test
	void computesGreatCircleDistances() {
		GeoPoint baltimore = new GeoPoint(39.2904, -76.6122);
		GeoPoint philadelphia = new GeoPoint(39.9526, -75.1652);
		assertThat(baltimore.distanceKm(philadelphia)).isCloseTo(144.0, within(3.0));
		assertThat(baltimore.distanceKm(baltimore)).isZero();
	}

	@Test
	void theBoundingBoxContainsTheWholeRadius() {
		GeoPoint point = new GeoPoint(45, 10);
		double lngDelta = point.longitudeDelta(100);
		assertThat(point.distanceKm(new GeoPoint(45, 10 + lngDelta))).isGreaterThanOrEqualTo(100);
		assertThat(point.distanceKm(new GeoPoint(45 + GeoPoint.latitudeDelta(100), 10))).isCloseTo(100, within(0.001));
		assertThat(new GeoPoint(89.5, 0).longitudeDelta(100)).isNaN();
	}

}
