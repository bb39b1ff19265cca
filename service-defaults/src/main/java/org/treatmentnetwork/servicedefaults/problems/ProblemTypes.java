package org.treatmentnetwork.servicedefaults.problems;

import java.net.URI;
import java.util.Optional;

import org.springframework.http.HttpStatusCode;

/**
 * The {@code type} URIs of the suite's problem answers, one constant per name of the
 * table in {@code docs/api.md} ("Problem types"), which is the public contract: every
 * type is {@code https://treatment-network.example/problems/<name>}.
 */
public final class ProblemTypes {

	/** What every type URI starts with. */
	public static final String BASE = "https://treatment-network.example/problems/";

	/** 400: invalid fields or parameters; comes with an {@code errors} array. */
	public static final URI VALIDATION = of("validation");

	/** 400: a request that cannot be read. */
	public static final URI BAD_REQUEST = of("bad-request");

	/** 400 (gateway): a path not written in canonical form. */
	public static final URI NON_CANONICAL_PATH = of("non-canonical-path");

	/** 401: no token on a staff path, or an invalid, expired or forged token. */
	public static final URI UNAUTHORIZED = of("unauthorized");

	/** 403: a valid token without the needed role. */
	public static final URI FORBIDDEN = of("forbidden");

	/** 404: an unrouted path, an unknown id, slug or team. */
	public static final URI NOT_FOUND = of("not-found");

	/** 405: the method is not served at the path. */
	public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

	/** 406: the {@code Accept} header cannot be served. */
	public static final URI NOT_ACCEPTABLE = of("not-acceptable");

	/** 408 (gateway): headers or body did not arrive within the deadline. */
	public static final URI REQUEST_TIMEOUT = of("request-timeout");

	/** 409: the request conflicts with the resource's state. */
	public static final URI CONFLICT = of("conflict");

	/** 412 (content): a stale {@code If-Match}. */
	public static final URI PRECONDITION_FAILED = of("precondition-failed");

	/** 413 (gateway, intake): a body on {@code /api/intake/**} over its limit. */
	public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");

	/** 413 (content): a request over content-service's read limit. */
	public static final URI CONTENT_TOO_LARGE = of("content-too-large");

	/** 414 (gateway): the request line is too long. */
	public static final URI URI_TOO_LONG = of("uri-too-long");

	/** 415: the body is not {@code application/json}. */
	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	/** 428 (content): {@code If-Match} missing where it is required. */
	public static final URI PRECONDITION_REQUIRED = of("precondition-required");

	/**
	 * 429: over a rate limit (the gateway's contact form; notification-service's
	 * confirmation codes and test messages).
	 */
	public static final URI RATE_LIMITED = of("rate-limited");

	/** 431 (gateway): the request headers are too large. */
	public static final URI HEADERS_TOO_LARGE = of("headers-too-large");

	/** 500: an unexpected failure. */
	public static final URI INTERNAL_ERROR = of("internal-error");

	/** 503: a dependency is down (a gateway fallback, an unreachable database). */
	public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

	private ProblemTypes() {
	}

	/**
	 * The type of a status that means the same in every service: {@code 401},
	 * {@code 403}, {@code 404}, {@code 405}, {@code 406}, {@code 409}, {@code 415},
	 * {@code 503} and any other {@code 5xx} ({@code internal-error}). For the others the
	 * services differ, as {@code docs/api.md} says ({@code 400} is {@code validation} or
	 * {@code bad-request}, {@code 413} {@code payload-too-large} or
	 * {@code content-too-large}), so each decides.
	 * @param status the status
	 * @return the type, or empty when the service decides
	 */
	public static Optional<URI> forStatus(HttpStatusCode status) {
		URI type = switch (status.value()) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> status.is5xxServerError() ? INTERNAL_ERROR : null;
		};
		return Optional.ofNullable(type);
	}

	/**
	 * The type URI of a name.
	 * @param name the name, such as {@code not-found}
	 * @return {@link #BASE} followed by the name
	 */
	public static URI of(String name) {
		return URI.create(BASE + name);
	}

}
