package org.treatmentnetwork.gateway.paths;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The path of a request as the gateway decides on it. Spring Cloud Gateway's route
 * predicates and Spring Security's matchers compare a {@link PathPattern} with the parsed
 * path ({@link RequestPath#pathWithinApplication()}): segments percent-decoded, {@code ;}
 * parameters left out. Every filter of the gateway that looks at the path matches it the
 * same way, through this class, so no filter can see a different path from the one the
 * request is routed by. {@link CanonicalPathWebFilter} refuses, before any of them runs,
 * the paths on which the written form and that parsed form differ in a way that matters.
 */
public final class RequestPaths {

	/** The content route. */
	public static final PathPattern CONTENT = parse("/api/content/**");

	/** The intake route. */
	public static final PathPattern INTAKE = parse("/api/intake/**");

	/** The website's contact form. */
	public static final PathPattern CONTACT_REQUESTS = parse("/api/intake/contact-requests");

	/** One-click acknowledgement links; the segment after {@code ack/} is a secret. */
	public static final PathPattern ACK_LINKS = parse("/api/alerts/ack/{token}/**");

	/**
	 * The API documentation: the Swagger UI, its assets and the services' OpenAPI
	 * documents.
	 */
	public static final PathPattern DOCS = parse("/api/docs/**");

	/**
	 * The text and voice provider's webhooks; public, each request signed by the
	 * provider.
	 */
	public static final PathPattern PROVIDER_WEBHOOKS = parse("/api/paging/twilio/*");

	/**
	 * Every path the gateway routes or answers itself on its main port: the routes, the
	 * API documentation and the fallbacks.
	 */
	public static final List<PathPattern> SERVED = List.of(CONTENT, INTAKE, parse("/api/alerts/**"),
			parse("/api/on-call/**"), PROVIDER_WEBHOOKS, DOCS, parse("/fallback/**"));

	private RequestPaths() {
	}

	/**
	 * Whether the request's path, as routing parses it, matches the pattern.
	 * @param pattern the pattern
	 * @param request the request
	 * @return whether it matches
	 */
	public static boolean matches(PathPattern pattern, ServerHttpRequest request) {
		return pattern.matches(parsed(request));
	}

	/**
	 * Whether the request's path is one the gateway serves on its main port.
	 * @param request the request
	 * @return whether one of {@link #SERVED} matches
	 */
	public static boolean isServed(ServerHttpRequest request) {
		PathContainer path = parsed(request);
		for (PathPattern pattern : SERVED) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The request's path as routing and security match it.
	 * @param request the request
	 * @return the parsed path
	 */
	public static PathContainer parsed(ServerHttpRequest request) {
		return request.getPath().pathWithinApplication();
	}

	/**
	 * Whether a path as written on the request line is in canonical form: it starts with
	 * {@code /}; has no empty segment (except a trailing {@code /}), no {@code .} or
	 * {@code ..} segment, no {@code ;} and no {@code \}; every other character is one
	 * that RFC 3986 allows in a path unencoded; and percent-encoding is well formed and
	 * used only for what must be encoded. An encoded letter, digit, {@code -}, {@code .},
	 * {@code _} or {@code ~}, an encoded {@code /}, {@code \}, {@code ;} or {@code %},
	 * and encoded control characters are not canonical. Other encoded characters (such as
	 * {@code %C3%A9} for é, or {@code %20}) are.
	 * @param rawPath the path as received, not decoded
	 * @return whether it is canonical
	 */
	public static boolean isCanonical(String rawPath) {
		int length = rawPath.length();
		if (length == 0 || rawPath.charAt(0) != '/') {
			return false;
		}
		int segmentStart = 1;
		for (int i = 1; i <= length; i++) {
			if (i == length || rawPath.charAt(i) == '/') {
				if (!isCanonicalSegment(rawPath, segmentStart, i, i == length)) {
					return false;
				}
				segmentStart = i + 1;
				continue;
			}
			char c = rawPath.charAt(i);
			if (c == '%') {
				int octet = octet(rawPath, i + 1);
				if (octet < 0 || mustNotBeEncoded(octet)) {
					return false;
				}
				i += 2;
			}
			else if (!isPathCharacter(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isCanonicalSegment(String path, int start, int end, boolean last) {
		int length = end - start;
		if (length == 0) {
			// "//" is not canonical; a trailing "/" (and the root "/") are
			return last;
		}
		return !(path.charAt(start) == '.' && (length == 1 || (length == 2 && path.charAt(start + 1) == '.')));
	}

	private static int octet(String path, int index) {
		if (index + 1 >= path.length()) {
			return -1;
		}
		int high = Character.digit(path.charAt(index), 16);
		int low = Character.digit(path.charAt(index + 1), 16);
		return (high < 0 || low < 0) ? -1 : (high << 4) | low;
	}

	private static boolean mustNotBeEncoded(int octet) {
		return isUnreserved((char) octet) || octet == '/' || octet == '\\' || octet == ';' || octet == '%'
				|| octet < 0x20 || octet == 0x7f;
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	/**
	 * RFC 3986 {@code pchar} without {@code ;} and without percent-encoding (handled
	 * separately).
	 */
	private static boolean isPathCharacter(char c) {
		return isUnreserved(c) || "!$&'()*+,=:@".indexOf(c) >= 0;
	}

	private static PathPattern parse(String pattern) {
		return PathPatternParser.defaultInstance.parse(pattern);
	}

}
