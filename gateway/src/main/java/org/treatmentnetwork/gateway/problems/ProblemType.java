package org.treatmentnetwork.gateway.problems;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.treatmentnetwork.servicedefaults.problems.ProblemTypes;

/**
 * The kinds of problem the gateway itself answers with, each with its type URI from the
 * suite's catalogue ({@link ProblemTypes}) and the title and detail the gateway shows.
 */
public enum ProblemType {

	/** The request is malformed or was rejected before routing. */
	BAD_REQUEST(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request",
			"The request could not be understood."),

	/**
	 * The path is not written in canonical form (percent-encoded letters, digits or
	 * separators, empty or dot segments, {@code ;} parameters).
	 */
	NON_CANONICAL_PATH(HttpStatus.BAD_REQUEST, ProblemTypes.NON_CANONICAL_PATH, "Address not in canonical form",
			"The address is written in an unusual form (percent-encoded letters, digits or separators, "
					+ "empty or dot segments, or ';' parameters) and was not processed. "
					+ "Please use the address as published."),

	/** No token, or a token that is invalid or expired. */
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
			"A staff bearer token is required for this request."),

	/** A valid token whose roles do not allow the request. */
	FORBIDDEN(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", "Your role does not allow this request."),

	/** Nothing is served at the requested path. */
	NOT_FOUND(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", "There is nothing at this address."),

	/** The path exists but not for this method. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED, "Method not allowed",
			"This address does not accept this HTTP method."),

	/** The request's headers or its body did not arrive within the gateway's deadline. */
	REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, ProblemTypes.REQUEST_TIMEOUT, "Request not received in time",
			"The request did not arrive completely in time and was not processed. "
					+ "Please check the connection and try again."),

	/** The request body is larger than the gateway accepts. */
	PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Request too large",
			"The request body is larger than allowed (16 KiB)."),

	/** The request line (method and address) is longer than the gateway reads. */
	URI_TOO_LONG(HttpStatus.URI_TOO_LONG, ProblemTypes.URI_TOO_LONG, "Address too long",
			"The requested address is too long."),

	/** The request headers together are larger than the gateway reads. */
	HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ProblemTypes.HEADERS_TOO_LARGE,
			"Request headers too large",
			"The request headers are too large. Clearing this site's cookies, or signing in again, usually helps."),

	/** Too many requests from the same address in a short time. */
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests",
			"Too many requests were sent from your network in a short time. Please wait a moment and try again."),

	/** A service behind the gateway cannot answer right now. */
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
			"Service temporarily unavailable", "The service is temporarily unavailable. Please try again shortly."),

	/** An unexpected failure inside the gateway. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
			"The gateway could not process this request.");

	private final HttpStatus status;

	private final URI uri;

	private final String title;

	private final String defaultDetail;

	ProblemType(HttpStatus status, URI uri, String title, String defaultDetail) {
		this.status = status;
		this.uri = uri;
		this.title = title;
		this.defaultDetail = defaultDetail;
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI uri() {
		return this.uri;
	}

	public String title() {
		return this.title;
	}

	/**
	 * A problem of this type with its standard detail.
	 * @return the problem
	 */
	public Problem problem() {
		return problem(this.defaultDetail);
	}

	/**
	 * A problem of this type.
	 * @param detail what happened and what the client can do; never submitted values
	 * @return the problem
	 */
	public Problem problem(String detail) {
		return new Problem(this.uri, this.title, this.status.value(), detail);
	}

	/**
	 * The type the gateway uses for a status, if it has one.
	 * @param status an HTTP status
	 * @return the matching type, or empty
	 */
	public static Optional<ProblemType> forStatus(HttpStatusCode status) {
		return Arrays.stream(values()).filter((type) -> type.status.value() == status.value()).findFirst();
	}

}
