package org.treatmentnetwork.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider on a random port with the local profile's demo staff and clients, driven
 * over real HTTP as the gateway and a browser would: the discovery document and the key
 * set; client credentials for a machine client; a member of staff signing in on the
 * provider's page through the authorization code flow with PKCE; a wrong password, a
 * missing PKCE challenge and an unknown redirect refused. Every token is checked the way
 * the services check theirs: signature against the published key, issuer, audience,
 * subject, expiry and roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "identity.issuer=" + IdentityProviderTests.ISSUER, "identity.audience=treatment-network" })
@ActiveProfiles("local")
class IdentityProviderTests {

	static final String ISSUER = "http://idp.test:9000";

	private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/staff";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void signingKey(DynamicPropertyRegistry registry) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		Path key = Files.createTempFile("idp-signing", ".pem");
		key.toFile().deleteOnExit();
		Files.writeString(key,
				"-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
						+ "\n-----END PRIVATE KEY-----\n");
		registry.add("identity.signing-key", key::toString);
	}

	@Test
	void theDiscoveryDocumentNamesTheIssuerAndTheEndpoints() throws Exception {
		HttpResponse<String> discovery = get(HttpClient.newHttpClient(), "/.well-known/openid-configuration");
		assertThat(discovery.statusCode()).isEqualTo(200);
		JsonNode document = JSON.readTree(discovery.body());
		assertThat(document.get("issuer").asString()).isEqualTo(ISSUER);
		assertThat(document.get("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
		assertThat(document.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
		assertThat(document.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
		assertThat(document.get("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
		assertThat(document.get("code_challenge_methods_supported").toString()).contains("S256");
	}

	@Test
	void aMachineClientGetsATokenWithItsRolesForTheSuitesAudience() throws Exception {
		HttpResponse<String> response = token("local-scripts", "local-scripts-secret",
				Map.of("grant_type", "client_credentials"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JWTClaimsSet claims = verified(JSON.readTree(response.body()).get("access_token").asString());
		assertThat(claims.getSubject()).isEqualTo("local-scripts");
		assertThat(claims.getStringListClaim("roles")).containsExactlyInAnyOrder("EDITOR", "INTAKE_AGENT", "ON_CALL",
				"SUPERVISOR");
	}

	@Test
	void aWrongClientSecretGetsNoToken() throws Exception {
		HttpResponse<String> response = token("local-scripts", "guess", Map.of("grant_type", "client_credentials"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("access_token");
	}

	@Test
	void aMemberOfStaffSignsInOnTheProvidersPageAndTheConsoleGetsTheirTokenWithPkce() throws Exception {
		HttpClient browser = browser();
		String verifier = randomUrlSafe(48);
		String state = randomUrlSafe(16);
		HttpResponse<String> authorize = get(browser, authorizePath(challenge(verifier), state, REDIRECT));
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(location(authorize)).endsWith("/login");

		HttpResponse<String> page = get(browser, "/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"username\"", "name=\"password\"");
		HttpResponse<String> signedIn = post(browser, "/login",
				Map.of("username", "agent", "password", "local-agent", "_csrf", csrf(page.body())));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		// back to the authorization request, which now sends the browser to the console
		HttpResponse<String> resumed = get(browser, relative(location(signedIn)));
		assertThat(resumed.statusCode()).isEqualTo(302);
		URI back = URI.create(location(resumed));
		assertThat(back.toString()).startsWith(REDIRECT + "?");
		Map<String, String> query = query(back);
		assertThat(query).containsEntry("state", state).containsKey("code");

		HttpResponse<String> tokens = token("staff-console", "local-staff-console-secret", Map.of("grant_type",
				"authorization_code", "code", query.get("code"), "redirect_uri", REDIRECT, "code_verifier", verifier));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(tokens.body());
		JWTClaimsSet access = verified(body.get("access_token").asString());
		assertThat(access.getSubject()).isEqualTo("agent");
		assertThat(access.getStringListClaim("roles")).containsExactly("INTAKE_AGENT");
		assertThat(body.get("refresh_token")).isNotNull();
		JWTClaimsSet id = SignedJWT.parse(body.get("id_token").asString()).getJWTClaimsSet();
		assertThat(id.getIssuer()).isEqualTo(ISSUER);
		assertThat(id.getSubject()).isEqualTo("agent");
		assertThat(id.getAudience()).containsExactly("staff-console");

		// a code is good once
		HttpResponse<String> again = token("staff-console", "local-staff-console-secret", Map.of("grant_type",
				"authorization_code", "code", query.get("code"), "redirect_uri", REDIRECT, "code_verifier", verifier));
		assertThat(again.statusCode()).isEqualTo(400);
	}

	@Test
	void aWrongPasswordStaysOnTheSignInPage() throws Exception {
		HttpClient browser = browser();
		get(browser, authorizePath(challenge(randomUrlSafe(48)), "s", REDIRECT));
		HttpResponse<String> page = get(browser, "/login");
		HttpResponse<String> refused = post(browser, "/login",
				Map.of("username", "agent", "password", "wrong", "_csrf", csrf(page.body())));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(location(refused)).endsWith("/login?error");
	}

	@Test
	void withoutAPkceChallengeOrToAnUnknownRedirectNoCodeIsIssued() throws Exception {
		HttpClient browser = browser();
		signIn(browser, "oncall", "local-oncall");
		HttpResponse<String> withoutPkce = get(browser, "/oauth2/authorize?response_type=code&client_id=staff-console"
				+ "&scope=openid&state=s&redirect_uri=" + encode(REDIRECT));
		assertThat(withoutPkce.statusCode()).isEqualTo(302);
		assertThat(location(withoutPkce)).startsWith(REDIRECT)
			.contains("error=invalid_request")
			.doesNotContain("code=");

		HttpResponse<String> elsewhere = get(browser,
				authorizePath(challenge(randomUrlSafe(48)), "s", "https://attacker.example/callback"));
		assertThat(elsewhere.statusCode()).isEqualTo(400);
		assertThat(elsewhere.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void healthIsOpenForTheLaunchersReadinessCheck() throws Exception {
		assertThat(get(HttpClient.newHttpClient(), "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	private void signIn(HttpClient browser, String username, String password) throws Exception {
		HttpResponse<String> page = get(browser, "/login");
		HttpResponse<String> signedIn = post(browser, "/login",
				Map.of("username", username, "password", password, "_csrf", csrf(page.body())));
		assertThat(location(signedIn)).doesNotContain("error");
	}

	private JWTClaimsSet verified(String token) throws Exception {
		SignedJWT jwt = SignedJWT.parse(token);
		JWKSet keys = JWKSet.parse(get(HttpClient.newHttpClient(), "/oauth2/jwks").body());
		RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).as("the token's key is published").isNotNull();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(claims.getAudience()).containsExactly("treatment-network");
		assertThat(claims.getSubject()).isNotBlank();
		Date issued = claims.getIssueTime();
		assertThat(claims.getExpirationTime())
			.isEqualTo(new Date(issued.getTime() + Duration.ofMinutes(15).toMillis()));
		return claims;
	}

	private String authorizePath(String challenge, String state, String redirect) {
		return "/oauth2/authorize?response_type=code&client_id=staff-console&scope=openid&state=" + state
				+ "&redirect_uri=" + encode(redirect) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
	}

	private HttpResponse<String> token(String clientId, String secret, Map<String, String> form) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(form)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
		// What a browser accepts (a request asking for JSON is not remembered for after
		// the sign-in); the JSON documents are served either way.
		return client.send(HttpRequest.newBuilder(uri(path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form)
			throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String relative(String location) {
		URI uri = URI.create(location);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static String csrf(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			values.put(pair.substring(0, equals),
					java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String challenge(String verifier) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
