package org.treatmentnetwork.gateway.problems;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An RFC 9457 problem body. It never carries submitted values or exception messages.
 *
 * @param type URI identifying the kind of problem
 * @param title short, human-readable summary of the kind of problem
 * @param status HTTP status code
 * @param detail what happened and what the client can do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail) {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	/**
	 * A problem for a status the gateway has no dedicated type for.
	 * @param status the HTTP status
	 * @return a problem of type {@code about:blank} titled with the status reason phrase
	 */
	public static Problem forStatus(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String title = (known != null) ? known.getReasonPhrase() : "HTTP " + status.value();
		return new Problem(ABOUT_BLANK, title, status.value(), "The gateway could not process this request.");
	}

}
