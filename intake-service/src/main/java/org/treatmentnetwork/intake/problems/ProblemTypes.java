package org.treatmentnetwork.intake.problems;

import java.net.URI;

/**
 * The {@code type} URIs of the suite's problem responses.
 */
public final class ProblemTypes {

	public static final URI VALIDATION = of("validation");

	public static final URI UNAUTHORIZED = of("unauthorized");

	public static final URI FORBIDDEN = of("forbidden");

	public static final URI NOT_FOUND = of("not-found");

	public static final URI CONFLICT = of("conflict");

	public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");

	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

	public static final URI INTERNAL_ERROR = of("internal-error");

	private static final String BASE = "https://treatment-network.example/problems/";

	private ProblemTypes() {
	}

	static URI of(String slug) {
		return URI.create(BASE + slug);
	}

	/**
	 * The type for a status that has no more specific type.
	 * @param status the HTTP status code
	 * @return the type URI
	 */
	static URI forStatus(int status) {
		return switch (status) {
			case 400 -> VALIDATION;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> of("method-not-allowed");
			case 406 -> of("not-acceptable");
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> (status >= 500) ? INTERNAL_ERROR : of("bad-request");
		};
	}

}
