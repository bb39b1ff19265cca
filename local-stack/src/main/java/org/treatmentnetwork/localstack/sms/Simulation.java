package org.treatmentnetwork.localstack.sms;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.localstack.sms.History.Hook;

/**
 * What the provider does with messages and calls once it has accepted them: the statuses
 * they go through (per the number's {@link NumberBehaviour}), the status callbacks, a
 * call waiting for a key and the gather it posts, inbound texts and the {@code <Message>}
 * replies to them. Each message and call runs on a virtual thread of its own; closing the
 * simulation stops them.
 */
final class Simulation implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Simulation.class);

	static final String API_VERSION = "2010-04-01";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SimulatorSettings settings;

	private final SimulatorStore store;

	private final Webhooks webhooks;

	private final ExecutorService tasks = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("sms-simulation-", 0).factory());

	private final Map<String, NumberBehaviour> behaviours = new ConcurrentHashMap<>();

	private final Map<String, LiveCall> live = new ConcurrentHashMap<>();

	Simulation(SimulatorSettings settings, SimulatorStore store, Webhooks webhooks) {
		this.settings = settings;
		this.store = store;
		this.webhooks = webhooks;
	}

	SimulatorSettings settings() {
		return this.settings;
	}

	SimulatorStore store() {
		return this.store;
	}

	/**
	 * A new SID: the prefix and 32 random lower-case hex characters.
	 * @param prefix {@code SM} or {@code CA}
	 * @return the SID
	 */
	static String sid(String prefix) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	// Numbers

	NumberBehaviour behaviour(String number) {
		return this.behaviours.getOrDefault(number, NumberBehaviour.DEFAULT);
	}

	NumberBehaviour behave(String number, String messages, String calls) {
		return this.behaviours.compute(number,
				(key, current) -> ((current != null) ? current : NumberBehaviour.DEFAULT).with(messages, calls));
	}

	Map<String, NumberBehaviour> behaviours() {
		return new TreeMap<>(this.behaviours);
	}

	void forget(String number) {
		this.behaviours.remove(number);
	}

	void resetBehaviours() {
		this.behaviours.clear();
	}

	// Messages

	/**
	 * Accepts a message from the API; {@link #dispatch(TextMessage)} then sends it on.
	 * @param from the sender number
	 * @param to the phone
	 * @param body the text
	 * @param statusCallback where its statuses are posted, or {@code null}
	 * @return the queued message, stored
	 */
	TextMessage accept(String from, String to, String body, String statusCallback) {
		return accepted(TextMessage.outbound(sid("SM"), "api", from, to, body, statusCallback));
	}

	/**
	 * Sends an accepted message on: its statuses follow, per the number's behaviour.
	 * @param message the message
	 */
	void dispatch(TextMessage message) {
		this.tasks.execute(() -> deliver(message));
	}

	private TextMessage accepted(TextMessage message) {
		this.store.save(message);
		log.info("message {} to {} {}", message.sid(), message.to(), message.status());
		return message;
	}

	private void deliver(TextMessage message) {
		try {
			pause(this.settings.statusDelay());
			switch (behaviour(message.to()).messages()) {
				case DELIVER -> {
					step(message, "sent", null);
					pause(this.settings.statusDelay());
					step(message, "delivered", null);
				}
				case UNDELIVER -> {
					step(message, "sent", null);
					pause(this.settings.statusDelay());
					step(message, "undelivered", 30003);
				}
				case FAIL -> step(message, "failed", 30005);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void step(TextMessage message, String status, Integer errorCode) {
		message.status(status, errorCode);
		this.store.save(message);
		if (!"sent".equals(status)) {
			log.info("message {} to {} {}", message.sid(), message.to(), status);
		}
		if (message.statusCallback() == null) {
			return;
		}
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", message.sid());
		params.put("SmsSid", message.sid());
		params.put("AccountSid", this.settings.accountSid());
		params.put("From", message.from());
		params.put("To", message.to());
		params.put("MessageStatus", status);
		params.put("SmsStatus", status);
		params.put("ApiVersion", API_VERSION);
		if (errorCode != null) {
			params.put("ErrorCode", String.valueOf(errorCode));
		}
		Webhooks.Result result = this.webhooks.call("POST", message.statusCallback(), params,
				"status callback of message " + message.sid());
		message.webhook(Hook.of("status " + status, result));
		this.store.save(message);
	}

	/**
	 * What became of an inbound text.
	 *
	 * @param message the inbound message
	 * @param webhook what the inbound webhook answered
	 * @param replies the messages its TwiML answer sent back
	 * @param error why the answer could not be read, or {@code null}
	 */
	record Inbound(TextMessage message, Webhooks.Result webhook, List<TextMessage> replies, String error) {
	}

	/**
	 * A phone texts the sender number: the inbound webhook is posted, and every
	 * {@code <Message>} of its answer is sent back to the phone (or to its {@code to}).
	 * @param from the phone
	 * @param body the text
	 * @return the message, the webhook's answer and the replies
	 */
	Inbound receive(String from, String body) {
		TextMessage message = TextMessage.inbound(sid("SM"), from, this.settings.fromNumber(), body);
		this.store.save(message);
		log.info("message {} to {} {}", message.sid(), message.to(), message.status());
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", message.sid());
		params.put("SmsMessageSid", message.sid());
		params.put("SmsSid", message.sid());
		params.put("AccountSid", this.settings.accountSid());
		params.put("From", from);
		params.put("To", message.to());
		params.put("Body", body);
		params.put("NumMedia", "0");
		params.put("NumSegments", "1");
		params.put("SmsStatus", "received");
		params.put("ApiVersion", API_VERSION);
		Webhooks.Result result = this.webhooks.call("POST", this.settings.inboundUrl().toString(), params,
				"inbound message " + message.sid());
		message.webhook(Hook.of("inbound", result));
		this.store.save(message);
		List<TextMessage> replies = new ArrayList<>();
		String error = null;
		if (result.ok()) {
			try {
				for (TwiML.MessageVerb verb : TwiML.parse(result.body()).messages()) {
					if (verb.body().isEmpty()) {
						continue;
					}
					String to = PhoneNumbers.isE164(verb.to()) ? verb.to() : from;
					TextMessage reply = accepted(TextMessage.outbound(sid("SM"), "reply", this.settings.fromNumber(),
							to, verb.body(), null));
					dispatch(reply);
					replies.add(reply);
				}
			}
			catch (IllegalArgumentException ex) {
				error = ex.getMessage();
				log.warn("the answer to inbound message {} is not TwiML: {}", message.sid(), error);
			}
		}
		return new Inbound(message, result, replies, error);
	}

	// Calls

	/**
	 * Accepts a call from the API; {@link #dispatch(VoiceCall)} then places it.
	 * @param from the sender number
	 * @param to the phone
	 * @param url where the TwiML is fetched from, or {@code null}
	 * @param twiml the inline TwiML, or {@code null}
	 * @param statusCallback where the final status is posted, or {@code null}
	 * @param timeout the ring timeout in seconds, or {@code null}
	 * @return the queued call, stored
	 */
	VoiceCall accept(String from, String to, String url, String twiml, String statusCallback, Integer timeout) {
		VoiceCall call = VoiceCall.placed(sid("CA"), from, to, url, twiml, statusCallback, timeout);
		this.store.save(call);
		log.info("call {} to {} {}", call.sid(), call.to(), call.status());
		return call;
	}

	/**
	 * Places an accepted call: it rings, and is answered or not per the number's
	 * behaviour.
	 * @param call the call
	 */
	void dispatch(VoiceCall call) {
		this.tasks.execute(() -> ring(call));
	}

	boolean waitingForKey(String callSid) {
		LiveCall call = this.live.get(callSid);
		return call != null && call.waiting();
	}

	private void ring(VoiceCall call) {
		try {
			pause(this.settings.statusDelay());
			NumberBehaviour.Calls outcome = behaviour(call.to()).calls();
			if (outcome != NumberBehaviour.Calls.ANSWER) {
				if (outcome != NumberBehaviour.Calls.FAIL) {
					progress(call, "ringing");
				}
				pause(this.settings.ringDelay());
				end(call, outcome.status());
				return;
			}
			progress(call, "ringing");
			pause(this.settings.statusDelay());
			progress(call, "in-progress");
			TwiML document = answer(call);
			if (document != null && document.gather() != null) {
				LiveCall waiting = new LiveCall();
				this.live.put(call.sid(), waiting);
				try {
					waiting.awaitKey(this.settings.keyWait());
				}
				finally {
					this.live.remove(call.sid());
				}
			}
			else {
				pause(this.settings.statusDelay());
			}
			end(call, "completed");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reads the call's TwiML, inline or fetched from its URL with a signed request.
	 * @return the document, or {@code null} if there was none to read
	 */
	private TwiML answer(VoiceCall call) {
		String twiml = call.twiml();
		if (twiml == null) {
			Webhooks.Result result = this.webhooks.call("POST", call.url(), callParams(call, "in-progress"),
					"TwiML of call " + call.sid());
			call.webhook(Hook.of("twiml", result));
			if (!result.ok()) {
				call.error("the TwiML URL answered "
						+ ((result.statusCode() != null) ? result.statusCode() : "nothing: " + result.error()));
				this.store.save(call);
				return null;
			}
			twiml = result.body();
		}
		try {
			TwiML document = TwiML.parse(twiml);
			call.said(twiml, document);
			this.store.save(call);
			return document;
		}
		catch (IllegalArgumentException ex) {
			call.error(ex.getMessage());
			this.store.save(call);
			return null;
		}
	}

	/**
	 * What a key press on a call did.
	 *
	 * @param call the call
	 * @param digits the digits sent to the gather's action
	 * @param webhook what the action answered, or {@code null} if the gather has none
	 * @param answer the spoken text of the action's TwiML answer, or {@code null}
	 * @param error why the action could not be called or its answer not read, or
	 * {@code null}
	 */
	record Press(VoiceCall call, String digits, Webhooks.Result webhook, String answer, String error) {
	}

	/**
	 * Presses keys on a call that waits for them: posts the gather's action with the
	 * digits and records the TwiML it answers; the call then completes.
	 * @param callSid the call
	 * @param digits the keys
	 * @return what the press did
	 * @throws NoSuchElementException if there is no such call
	 * @throws IllegalStateException if the call is not waiting for a key
	 */
	Press press(String callSid, String digits) {
		VoiceCall call = this.store.call(callSid).orElseThrow(() -> new NoSuchElementException("no call " + callSid));
		LiveCall waiting = this.live.get(callSid);
		if (waiting == null || !waiting.claim()) {
			throw new IllegalStateException("call " + callSid + " is " + call.status() + " and not waiting for a key");
		}
		try {
			Integer numDigits = call.numDigits();
			String pressed = (numDigits != null && numDigits > 0 && digits.length() > numDigits)
					? digits.substring(0, numDigits) : digits;
			Webhooks.Result result = null;
			String answerTwiml = null;
			String answer = null;
			String error = null;
			String action = resolve(call.url(), call.gatherAction());
			if (call.gatherAction() != null && action == null) {
				error = "the gather's action " + call.gatherAction() + " is relative and the TwiML came inline";
			}
			else if (action != null) {
				Map<String, String> params = callParams(call, "in-progress");
				params.put("Digits", pressed);
				params.put("FinishedOnKey", "");
				result = this.webhooks.call(call.gatherMethod(), action, params, "gather of call " + call.sid());
				call.webhook(Hook.of("gather", result));
				if (result.ok()) {
					answerTwiml = result.body();
					try {
						answer = TwiML.parse(answerTwiml).spoken();
					}
					catch (IllegalArgumentException ex) {
						error = ex.getMessage();
					}
				}
			}
			call.pressed(pressed, result, answerTwiml, answer);
			if (error != null) {
				call.error(error);
			}
			this.store.save(call);
			return new Press(call, pressed, result, answer, error);
		}
		finally {
			waiting.done();
		}
	}

	private static String resolve(String documentUrl, String action) {
		if (action == null) {
			return documentUrl;
		}
		try {
			URI uri = URI.create(action);
			if (uri.isAbsolute()) {
				return action;
			}
			return (documentUrl != null) ? URI.create(documentUrl).resolve(uri).toString() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private void progress(VoiceCall call, String status) {
		call.status(status);
		this.store.save(call);
	}

	private void end(VoiceCall call, String status) {
		call.end(status);
		this.store.save(call);
		log.info("call {} to {} {}", call.sid(), call.to(), status);
		if (call.statusCallback() == null) {
			return;
		}
		Map<String, String> params = callParams(call, status);
		if (call.duration() != null) {
			params.put("CallDuration", String.valueOf(call.duration()));
		}
		Webhooks.Result result = this.webhooks.call("POST", call.statusCallback(), params,
				"status callback of call " + call.sid());
		call.webhook(Hook.of("status " + status, result));
		this.store.save(call);
	}

	private Map<String, String> callParams(VoiceCall call, String status) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("CallSid", call.sid());
		params.put("AccountSid", this.settings.accountSid());
		params.put("From", call.from());
		params.put("To", call.to());
		params.put("CallStatus", status);
		params.put("Direction", "outbound-api");
		params.put("ApiVersion", API_VERSION);
		return params;
	}

	private static void pause(Duration duration) throws InterruptedException {
		if (!duration.isZero()) {
			Thread.sleep(duration);
		}
	}

	@Override
	public void close() {
		this.tasks.shutdownNow();
		try {
			this.tasks.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A call that waits for a key: either a press claims it (and the call completes once
	 * the gather has been answered) or the wait runs out first.
	 */
	private static final class LiveCall {

		private final CountDownLatch answered = new CountDownLatch(1);

		private boolean waiting = true;

		synchronized boolean waiting() {
			return this.waiting;
		}

		synchronized boolean claim() {
			if (!this.waiting) {
				return false;
			}
			this.waiting = false;
			return true;
		}

		void done() {
			this.answered.countDown();
		}

		void awaitKey(Duration wait) throws InterruptedException {
			if (this.answered.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				return;
			}
			if (!claim()) {
				// A press came just in time: the call ends once its gather is answered.
				this.answered.await();
			}
		}

	}

}
