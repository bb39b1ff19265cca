package org.treatmentnetwork.localstack.sms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the simulator runs.
 *
 * @param host the address it listens on (loopback on the local stack)
 * @param port the port it listens on ({@code 0} for any free one)
 * @param dataDir where messages and calls are kept ({@code <data>/sms})
 * @param accountSid the account SID the API accepts ({@code AC} and 32 hex characters)
 * @param authToken the auth token the API accepts and the webhooks are signed with
 * @param fromNumber the sender number, the {@code From} the API accepts and the
 * {@code To} of inbound texts
 * @param inboundUrl the URL inbound texts are posted to
 * @param statusDelay the time between a message's steps (queued, sent, delivered) and
 * before a call rings and is answered
 * @param ringDelay how long a call that is not answered rings before it ends
 * @param keyWait how long an answered call waits for a key before it completes without
 * one
 * @param retryDelay the pause before the first retry of a failed webhook (doubled before
 * the next)
 * @param connectTimeout the webhooks' connect timeout
 * @param responseTimeout the webhooks' response timeout
 */
record SimulatorSettings(String host, int port, Path dataDir, String accountSid, String authToken, String fromNumber,
		URI inboundUrl, Duration statusDelay, Duration ringDelay, Duration keyWait, Duration retryDelay,
		Duration connectTimeout, Duration responseTimeout) {

	static final String ACCOUNT_SID = "SMS_SIMULATOR_ACCOUNT_SID";

	static final String AUTH_TOKEN = "SMS_SIMULATOR_AUTH_TOKEN";

	static final String FROM_NUMBER = "SMS_SIMULATOR_FROM_NUMBER";

	static final String INBOUND_URL = "SMS_SIMULATOR_INBOUND_URL";

	static final String STATUS_DELAY = "SMS_SIMULATOR_STATUS_DELAY";

	static final String RING_DELAY = "SMS_SIMULATOR_RING_DELAY";

	static final String KEY_WAIT = "SMS_SIMULATOR_KEY_WAIT";

	static final String RETRY_DELAY = "SMS_SIMULATOR_RETRY_DELAY";

	private static final Pattern ACCOUNT_SID_PATTERN = Pattern.compile("AC[0-9a-f]{32}");

	private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)?");

	/**
	 * Reads the settings from the command line's {@code HOST PORT DATA_DIR} and the
	 * environment.
	 * @param host the address to listen on
	 * @param port the port
	 * @param dataDir the data folder
	 * @param env the environment
	 * @return the settings
	 * @throws IllegalArgumentException naming every variable that is missing or wrong
	 */
	static SimulatorSettings fromEnvironment(String host, int port, Path dataDir, Map<String, String> env) {
		List<String> problems = new ArrayList<>();
		String accountSid = env.getOrDefault(ACCOUNT_SID, "").strip();
		if (!ACCOUNT_SID_PATTERN.matcher(accountSid).matches()) {
			problems.add(ACCOUNT_SID + " must be AC followed by 32 lower-case hex characters");
		}
		String authToken = env.getOrDefault(AUTH_TOKEN, "").strip();
		if (authToken.isEmpty()) {
			problems.add(AUTH_TOKEN + " is missing");
		}
		String fromNumber = env.getOrDefault(FROM_NUMBER, "").strip();
		if (!PhoneNumbers.isE164(fromNumber)) {
			problems.add(FROM_NUMBER + " must be a phone number in E.164, such as +12025550100");
		}
		URI inboundUrl = null;
		String inbound = env.getOrDefault(INBOUND_URL, "").strip();
		try {
			inboundUrl = URI.create(inbound);
			if (!"http".equals(inboundUrl.getScheme()) && !"https".equals(inboundUrl.getScheme())) {
				problems.add(INBOUND_URL + " must be an http or https URL");
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(INBOUND_URL + " is not a URL");
		}
		Duration statusDelay = duration(env, STATUS_DELAY, Duration.ofMillis(200), problems);
		Duration ringDelay = duration(env, RING_DELAY, Duration.ofSeconds(1), problems);
		Duration keyWait = duration(env, KEY_WAIT, Duration.ofSeconds(60), problems);
		Duration retryDelay = duration(env, RETRY_DELAY, Duration.ofMillis(500), problems);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		return new SimulatorSettings(host, port, dataDir, accountSid, authToken, fromNumber, inboundUrl, statusDelay,
				ringDelay, keyWait, retryDelay, Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	private static Duration duration(Map<String, String> env, String name, Duration defaultValue,
			List<String> problems) {
		String value = env.getOrDefault(name, "").strip();
		if (value.isEmpty()) {
			return defaultValue;
		}
		Matcher matcher = DURATION.matcher(value);
		if (!matcher.matches()) {
			problems.add(name + "='" + value + "' is not a duration such as 200ms, 5s or 2m");
			return defaultValue;
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "ms";
		return switch (unit) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofMillis(amount);
		};
	}

}
