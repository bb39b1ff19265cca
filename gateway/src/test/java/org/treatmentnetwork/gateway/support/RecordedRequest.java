package org.treatmentnetwork.gateway.support;

import org.springframework.http.HttpHeaders;

/**
 * One request as a stub service received it.
 *
 * @param method HTTP method
 * @param path path without the query
 * @param query raw query, or empty
 * @param headers request headers
 * @param body body as text, or empty
 */
public record RecordedRequest(String method, String path, String query, HttpHeaders headers, String body) {

}
