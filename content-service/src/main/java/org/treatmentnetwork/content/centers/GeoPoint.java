package org.treatmentnetwork.content.centers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.treatmentnetwork.content.problems.InvalidParameterException;

/**
 * A point given as {@code LAT,LNG} in decimal degrees, and great-circle distances.
 *
 * @param lat latitude, -90 to 90
 * @param lng longitude, -180 to 180
 */
record GeoPoint(double lat, double lng) {

	/** The mean radius of the Earth in kilometres. */
	static final double EARTH_RADIUS_KM = 6371.0088;

	private static final Pattern LAT_LNG = Pattern
		.compile("\\s*([-+]?\\d{1,3}(?:\\.\\d{1,10})?)\\s*,\\s*([-+]?\\d{1,3}(?:\\.\\d{1,10})?)\\s*");

	/**
	 * Parse {@code LAT,LNG}.
	 * @param text the parameter value
	 * @return the point
	 * @throws InvalidParameterException if it is not two decimal numbers in range
	 */
	static GeoPoint parse(String text) {
		Matcher matcher = LAT_LNG.matcher(text);
		if (!matcher.matches()) {
			throw new InvalidParameterException("near", "must be LAT,LNG in decimal degrees, such as 39.74,-104.99");
		}
		double lat = Double.parseDouble(matcher.group(1));
		double lng = Double.parseDouble(matcher.group(2));
		if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
			throw new InvalidParameterException("near",
					"latitude must be between -90 and 90 and longitude between -180 and 180");
		}
		return new GeoPoint(lat, lng);
	}

	/**
	 * The great-circle (haversine) distance to another point.
	 * @param other the other point
	 * @return the distance in kilometres
	 */
	double distanceKm(GeoPoint other) {
		double dLat = Math.toRadians(other.lat - this.lat);
		double dLng = Math.toRadians(other.lng - this.lng);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(this.lat))
				* Math.cos(Math.toRadians(other.lat)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
	}

	/**
	 * Half the height of a box around this point that contains every point within a
	 * radius.
	 * @param radiusKm the radius
	 * @return degrees of latitude
	 */
	static double latitudeDelta(double radiusKm) {
		return Math.toDegrees(radiusKm / EARTH_RADIUS_KM);
	}

	/**
	 * Half the width of a box around this point that contains every point within a
	 * radius, or {@code NaN} when the box would reach a pole (then longitude does not
	 * narrow the search).
	 * @param radiusKm the radius
	 * @return degrees of longitude, or {@code NaN}
	 */
	double longitudeDelta(double radiusKm) {
		double latDelta = latitudeDelta(radiusKm);
		if (Math.abs(this.lat) + latDelta >= 90) {
			return Double.NaN;
		}
		double maxLat = Math.toRadians(Math.abs(this.lat) + latDelta);
		return Math.toDegrees(radiusKm / (EARTH_RADIUS_KM * Math.cos(maxLat)));
	}

}
