package org.treatmentnetwork.content.problems;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The {@code type} URIs of the problems this service reports.
 */
public final class ProblemTypes {

	private static final String BASE = "https://treatment-network.example/problems/";

	/** Invalid request parameters or body; comes with an {@code errors} array. */
	public static final URI VALIDATION = URI.create(BASE + "validation");

	/** The requested resource does not exist. */
	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	/** The {@code If-Match} entity tag is stale. */
	public static final URI PRECONDITION_FAILED = URI.create(BASE + "precondition-failed");

	/** A change needs an {@code If-Match} header. */
	public static final URI PRECONDITION_REQUIRED = URI.create(BASE + "precondition-required");

	/** The request conflicts with the current state. */
	public static final URI CONFLICT = URI.create(BASE + "conflict");

	/** No valid bearer token was presented. */
	public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	/** The bearer token lacks the required role. */
	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	/** A dependency (the database) is unavailable; the client may retry. */
	public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

	/** An unexpected failure inside the service. */
	public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

	private ProblemTypes() {
	}

	/**
	 * The type for a status when no more specific type applies.
	 * @param status the response status
	 * @return the problem type URI
	 */
	public static URI forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> URI.create(BASE + "bad-request");
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> {
				if (status.is5xxServerError()) {
					yield INTERNAL_ERROR;
				}
				HttpStatus known = HttpStatus.resolve(status.value());
				String slug = (known != null) ? known.name().toLowerCase().replace('_', '-')
						: "status-" + status.value();
				yield URI.create(BASE + slug);
			}
		};
	}

}
