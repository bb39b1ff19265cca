package org.treatmentnetwork.notification.problems;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The problem types of the suite's API.
 */
public final class ProblemTypes {

	private static final String BASE = "https://treatment-network.example/problems/";

	/** Invalid input. */
	public static final URI VALIDATION = URI.create(BASE + "validation");

	/** No such resource. */
	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	/** The request conflicts with the resource's state. */
	public static final URI CONFLICT = URI.create(BASE + "conflict");

	/** Missing or invalid bearer token. */
	public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	/** The token lacks the required role. */
	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	/** Anything else the client got wrong. */
	public static final URI BAD_REQUEST = URI.create(BASE + "bad-request");

	/** The method is not supported on this resource. */
	public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");

	/** The body's media type is not supported. */
	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");

	/** The requested representation is not available. */
	public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");

	/** A dependency of the service is down; retry later. */
	public static final URI UNAVAILABLE = URI.create(BASE + "service-unavailable");

	/** A failure on the service's side. */
	public static final URI INTERNAL = URI.create(BASE + "internal-error");

	private ProblemTypes() {
	}

	/**
	 * The type for a status code when nothing more specific applies.
	 * @param status the status
	 * @return the problem type
	 */
	public static URI forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> BAD_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> UNAVAILABLE;
			default -> status.is5xxServerError() ? INTERNAL : BAD_REQUEST;
		};
	}

	/**
	 * A problem body as a plain map, for writers outside Spring MVC's codecs (such as
	 * security handlers).
	 * @param status the status
	 * @param detail the detail
	 * @return the body
	 */
	public static Map<String, Object> body(HttpStatus status, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", forStatus(status).toString());
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		return body;
	}

}
