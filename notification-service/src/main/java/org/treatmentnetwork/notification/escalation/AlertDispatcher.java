package org.treatmentnetwork.notification.escalation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatmentnetwork.notification.acklinks.AckLinkTokens;
import org.treatmentnetwork.notification.alerts.AlertDocument;
import org.treatmentnetwork.notification.alerts.AlertState;
import org.treatmentnetwork.notification.alerts.AlertTriggered;
import org.treatmentnetwork.notification.alerts.FollowUp;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.RepeatNotice;
import org.treatmentnetwork.notification.alerts.StepOutcome;
import org.treatmentnetwork.notification.alerts.TimelineEntry;
import org.treatmentnetwork.notification.alerts.TimelineType;
import org.treatmentnetwork.notification.alerts.Urgency;
import org.treatmentnetwork.notification.channels.AlertMessage;
import org.treatmentnetwork.notification.channels.ChannelGuard;
import org.treatmentnetwork.notification.channels.DeliveryChannel;
import org.treatmentnetwork.notification.deliveries.Deliveries;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.oncall.ContactStep;
import org.treatmentnetwork.notification.oncall.EscalationPlan;
import org.treatmentnetwork.notification.oncall.EscalationStep;
import org.treatmentnetwork.notification.oncall.OnCallDirectory;
import org.treatmentnetwork.notification.oncall.OnCallPerson;
import org.treatmentnetwork.notification.store.StoreReadyEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.treatmentnetwork.servicedefaults.background.BackgroundLoop;
import org.treatmentnetwork.servicedefaults.tracing.TraceContexts;

/**
 * Runs every alert's escalation policy.
 * <p>
 * Every claim is an atomic find-and-modify that sets a lease with a token unique to that
 * claim, so several instances never act on the same step, an instance that dies mid-send
 * only delays the step until its lease expires, and the outcome of a step whose claim was
 * taken away meanwhile (a repeat raised the urgency) only adds its timeline entries. An
 * alert is claimed by id ({@link Alerts#claimIfDue}, through the {@code _id} index) right
 * after it was created ({@link AlertTriggered}) and right after a step whose next step is
 * due at once; up to {@code concurrency} of these are handled side by side. Every
 * {@code poll-interval} a sweep claims whatever else is due, most overdue first
 * ({@link Alerts#claimNextDue}): escalation steps, retries, alerts of another instance or
 * whose wake-up was missed.
 * <p>
 * For a triggered alert the pass pages everyone the current step targets, each through
 * their contact methods in order until one works (a failed method is a
 * {@code DELIVERY_FAILED} entry, then the next method), and schedules the next step after
 * the step's delay scaled by urgency; after the last step the policy starts over until
 * its repeats are used up. If nobody at a step could be reached, the next step follows
 * after a short backoff instead. For an acknowledged alert whose first contact is overdue
 * the pass reminds the acknowledger, and when the grace period is over it re-opens the
 * alert and escalates to the next step.
 * <p>
 * An open alert with repeat notices (the same person reached out again, at the same or a
 * lower urgency) is claimed as well: the notice goes to the person currently paged (the
 * acknowledger of an acknowledged alert, else the people the escalation reached last),
 * or, if none of them can be reached, to the current step's target; it is retried with
 * backoff until someone was told. It does not change the escalation.
 * <p>
 * Delivery is at least once: if recording the outcome fails after a page went out, the
 * lease expires and the step is paged again.
 */
@Component
class AlertDispatcher extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

	private static final int WAKE_UP_QUEUE = 1024;

	private final Alerts alerts;

	private final OnCallDirectory directory;

	private final Map<ContactMethod.Kind, DeliveryChannel> channels = new EnumMap<>(ContactMethod.Kind.class);

	private final AckLinkTokens links;

	private final DeliveryProperties properties;

	private final EscalationProperties escalation;

	private final Clock clock;

	private final MeterRegistry meters;

	private final AlertMessageComposer composer = new AlertMessageComposer();

	private final String owner = "notification-" + UUID.randomUUID();

	private final AtomicLong claims = new AtomicLong();

	/**
	 * Ids of alerts to claim at once. Bounded: an id that does not fit waits for the next
	 * sweep.
	 */
	private final Sinks.Many<String> wakeUps = Sinks.many()
		.unicast()
		.onBackpressureBuffer(new ArrayBlockingQueue<>(WAKE_UP_QUEUE));

	private final Counter passFailures;

	private final TraceContexts traces;

	private final Deliveries deliveries;

	private final RepageSummaries summaries;

	AlertDispatcher(Alerts alerts, OnCallDirectory directory, List<DeliveryChannel> channels, AckLinkTokens links,
			DeliveryProperties properties, EscalationProperties escalation, Clock clock, MeterRegistry meters,
			TraceContexts traces, Deliveries deliveries, RepageSummaries summaries) {
		super("Dispatch pass", properties.pollInterval(), properties.pollInterval());
		this.traces = traces;
		this.deliveries = deliveries;
		this.summaries = summaries;
		this.alerts = alerts;
		this.directory = directory;
		channels.forEach((channel) -> this.channels.put(channel.kind(), channel));
		this.links = links;
		this.properties = properties;
		this.escalation = escalation;
		this.clock = clock;
		this.meters = meters;
		this.passFailures = Counter.builder("notification.dispatch.pass.failures").register(meters);
	}

	@EventListener(StoreReadyEvent.class)
	synchronized void onStoreReady() {
		if (!isRunning()) {
			log.info("Dispatcher {} started (poll every {})", this.owner, this.properties.pollInterval());
			start();
		}
	}

	/**
	 * The sweep: every due alert, up to the batch size.
	 */
	@Override
	protected Mono<Void> runRound(boolean scheduled) {
		return dispatchDue();
	}

	/**
	 * Beside the sweeps, the alerts woken up by id, up to {@code concurrency} side by
	 * side.
	 */
	@Override
	protected Flux<Void> alongside() {
		return this.wakeUps.asFlux().flatMap(this::dispatch, this.properties.concurrency());
	}

	@EventListener
	void onAlertTriggered(AlertTriggered triggered) {
		wakeUp(triggered.alertId());
	}

	/**
	 * Wake an alert up when something of it is due, in memory only: the sweep is the
	 * guarantee, this the shortcut.
	 */
	private void wakeUpAt(String alertId, Instant at) {
		Duration wait = Duration.between(now(), at);
		Mono.delay(wait.isNegative() ? Duration.ZERO : wait).subscribe((tick) -> wakeUp(alertId));
	}

	private void wakeUp(String alertId) {
		// If the queue is full, the next sweep picks the alert up.
		synchronized (this.wakeUps) {
			this.wakeUps.tryEmitNext(alertId);
		}
	}

	/**
	 * Claim and act on every due alert, up to the batch size.
	 * @return completes when the pass is over; never errors
	 */
	Mono<Void> dispatchDue() {
		// One claim at a time, each only once the previous one was handed on, and none
		// after
		// the first that finds nothing: a pass never claims an alert it then leaves
		// unhandled (held by its lease until it expires).
		return Flux.range(0, this.properties.batchSize())
			.concatMap((i) -> this.alerts.claimNextDue(claimToken(), this.properties.lease())
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty()), 1)
			.takeWhile(Optional::isPresent)
			.map(Optional::get)
			.flatMap(this::act, this.properties.concurrency())
			.then()
			.onErrorResume((ex) -> {
				// The loop must outlive a store outage: claimed alerts are retried when
				// their lease expires, others on the next pass.
				this.passFailures.increment();
				log.warn("Dispatch pass failed, retrying on the next tick: {}", ex.toString());
				return Mono.empty();
			});
	}

	/**
	 * Claim one alert by id and act on it if it is due.
	 * @param alertId the alert
	 * @return completes when done, also when the alert was not due or held elsewhere;
	 * never errors
	 */
	Mono<Void> dispatch(String alertId) {
		return this.alerts.claimIfDue(alertId, claimToken(), this.properties.lease())
			.flatMap(this::act)
			.onErrorResume((ex) -> {
				// A claimed alert is retried when its lease expires, others by the sweep.
				this.passFailures.increment();
				log.warn("Dispatching alert {} failed, the sweep retries: {}", alertId, ex.toString());
				return Mono.empty();
			});
	}

	/**
	 * The token of a new claim: this instance, and which of its claims.
	 */
	private String claimToken() {
		return this.owner + "/" + this.claims.incrementAndGet();
	}

	/**
	 * One step for a claimed alert, in a span that continues the request's trace: the
	 * pages of every step are found in the trace of the request they are about.
	 */
	private Mono<Void> act(AlertDocument alert) {
		return this.traces.continued("notification.page", alert.traceparent(),
				followUps(alert).then(Mono.defer(() -> step(alert))));
	}

	/**
	 * Send the alert's due follow-ups (a sequence's later parts, the next method after a
	 * text not delivered or a call not answered), unless it is no longer triggered; the
	 * claim is kept for the rest of the pass.
	 */
	private Mono<Void> followUps(AlertDocument alert) {
		List<FollowUp> due = alert.followUps().stream().filter((followUp) -> !followUp.dueAt().isAfter(now())).toList();
		if (due.isEmpty()) {
			return Mono.empty();
		}
		List<String> ids = due.stream().map(FollowUp::id).toList();
		if (alert.state() != AlertState.TRIGGERED) {
			return this.alerts.recordFollowUps(alert.id(), List.of(), ids);
		}
		List<TimelineEntry> entries = Collections.synchronizedList(new ArrayList<>());
		return Flux.fromIterable(due)
			.concatMap((followUp) -> this.directory.staffMember(followUp.staffId(), alert.centerId())
				.flatMap((person) -> followUp(alert, person, followUp, entries))
				.switchIfEmpty(Mono.fromCallable(() -> {
					entries.add(new TimelineEntry(now(), TimelineType.DELIVERY_FAILED, followUp.staffId(), null,
							"Follow-up not sent: no longer on the staff list"));
					return Boolean.FALSE;
				})))
			.then(Mono.defer(() -> this.alerts.recordFollowUps(alert.id(), List.copyOf(entries), ids)));
	}

	private Mono<Boolean> followUp(AlertDocument alert, OnCallPerson person, FollowUp followUp,
			List<TimelineEntry> entries) {
		List<ContactMethod> methods = usableMethods(alert, person);
		ContactMethod method = methods.stream()
			.filter((candidate) -> candidate.kind() == followUp.kind()
					&& candidate.address().equals(followUp.address()))
			.findFirst()
			.orElse(null);
		if (method == null) {
			// The person changed their methods meanwhile: the same channel, else their
			// methods in order.
			method = methods.stream()
				.filter((candidate) -> candidate.kind() == followUp.kind())
				.findFirst()
				.orElse(null);
		}
		if (method == null) {
			return tryMethods(alert, person, methods, 0, followUp.detail(), entries, TimelineType.NOTIFIED);
		}
		List<ContactMethod> others = new ArrayList<>(methods);
		others.remove(method);
		return sendOne(alert, person, method, template(alert, person, TimelineType.NOTIFIED), followUp.detail(),
				entries, TimelineType.NOTIFIED)
			.flatMap((reached) -> reached ? Mono.just(true)
					: tryMethods(alert, person, others, 0, followUp.detail(), entries, TimelineType.NOTIFIED));
	}

	private Mono<Void> step(AlertDocument alert) {
		if (alert.nextActionAt() == null || alert.nextActionAt().isAfter(now())) {
			// Claimed for its repeat notices only.
			return noticeRepeats(alert);
		}
		if (alert.state() == AlertState.ACKNOWLEDGED && !alert.contactOverdue()) {
			return remindAcknowledger(alert);
		}
		return this.directory.planFor(alert.centerId())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((plan) -> plan.isPresent() ? pageStep(alert, plan.get()) : noTeam(alert));
	}

	private Mono<Void> noTeam(AlertDocument alert) {
		log.warn("No team covers alert {} (center {})", alert.id(), alert.centerId());
		List<TimelineEntry> entries = List.of(new TimelineEntry(now(), TimelineType.DELIVERY_FAILED, null, null,
				"No on-call team covers this alert"));
		return record(alert, entries, new StepOutcome(alert.escalationStep(), alert.escalationRound(), retryAt(alert),
				false, alert.contactOverdue(), false));
	}

	private Mono<Void> pageStep(AlertDocument alert, EscalationPlan plan) {
		int step = Math.min(Math.max(alert.escalationStep(), 1), plan.steps().size());
		EscalationStep definition = plan.steps().get(step - 1);
		List<TimelineEntry> entries = Collections.synchronizedList(new ArrayList<>());
		boolean reopen = alert.state() == AlertState.ACKNOWLEDGED;
		if (reopen) {
			entries.add(new TimelineEntry(now(), TimelineType.ESCALATED, null, null,
					"Acknowledged but still not contacted after the grace period: escalating to step " + step + " ("
							+ definition.describe() + ")"));
		}
		else if (step > 1 || alert.escalationRound() > 0) {
			entries.add(new TimelineEntry(now(), TimelineType.ESCALATED, null, null,
					"Not acknowledged: escalating to step " + step + " of " + plan.steps().size() + " ("
							+ definition.describe() + "), round " + (alert.escalationRound() + 1) + " of "
							+ (plan.repeat() + 1)));
		}
		String detail = "Paged for team " + plan.teamId() + " (step " + step + ")";
		List<FollowUp> followUps = Collections.synchronizedList(new ArrayList<>());
		return this.directory.targets(plan.teamId(), definition, now())
			.flatMap((person) -> page(alert, person, detail, entries, definition, step, followUps)
				.map((reached) -> reached ? person.staffId() : ""))
			.filter((staffId) -> !staffId.isEmpty())
			.collectList()
			.flatMap((reachedIds) -> {
				boolean reached = !reachedIds.isEmpty();
				if (!reached) {
					entries.add(new TimelineEntry(now(), TimelineType.DELIVERY_FAILED, null, null,
							"Nobody could be reached at step " + step + " (" + definition.describe() + ")"));
				}
				StepOutcome next = next(alert, plan, step, reached);
				return record(
						alert, entries, new StepOutcome(next.nextStep(), next.nextRound(), next.nextActionAt(),
								next.delivered(), false, reopen, pagedAfter(alert, step, reopen, reachedIds)),
						List.copyOf(followUps));
			});
	}

	/**
	 * Page one person at an escalation step: a routine re-page (not the alert's first
	 * page, not CRISIS) goes into a summary when many alerts are open for them; else the
	 * step's contact sequence (its immediate parts now, the later ones as follow-ups), or
	 * without one their methods in order until one works.
	 */
	private Mono<Boolean> page(AlertDocument alert, OnCallPerson person, String detail, List<TimelineEntry> entries,
			EscalationStep definition, int step, List<FollowUp> followUps) {
		if (urgent(alert, TimelineType.NOTIFIED) || !pagedBefore(alert, person.staffId())) {
			return pageNow(alert, person, detail, entries, definition, step, followUps);
		}
		return this.summaries.decide(alert, person.staffId()).flatMap((decision) -> switch (decision.kind()) {
			case PAGE -> pageNow(alert, person, detail, entries, definition, step, followUps);
			case SEND_SUMMARY -> sendSummary(alert, person, decision.summary(), entries);
			case BUNDLED -> Mono.fromCallable(() -> {
				entries.add(new TimelineEntry(now(), TimelineType.BUNDLED, person.staffId(), null,
						"Re-page included in this person's summary of their open alerts (one per interval)"));
				return Boolean.TRUE;
			});
		});
	}

	/**
	 * Whether a page of this alert reached this person before: only then is a page a
	 * re-page, which a summary may stand for.
	 */
	private static boolean pagedBefore(AlertDocument alert, String staffId) {
		return alert.timeline()
			.stream()
			.anyMatch((entry) -> entry.type() == TimelineType.NOTIFIED && staffId.equals(entry.recipient()));
	}

	private Mono<Boolean> sendSummary(AlertDocument alert, OnCallPerson person, RepageSummaries.Summary summary,
			List<TimelineEntry> entries) {
		List<ContactMethod> methods = usableMethods(alert, person);
		if (methods.isEmpty()) {
			entries.add(new TimelineEntry(now(), TimelineType.DELIVERY_FAILED, person.staffId(), null,
					"No usable contact method for this urgency"));
			return Mono.just(Boolean.FALSE);
		}
		String detail = "Re-paged in a summary of " + summary.open() + " open alerts (" + summary.crisis() + " CRISIS)";
		// A summary that could not be sent gives its slot back: the next re-page tries
		// again
		// instead of counting as included in a summary nobody received.
		return tryMethods(alert, person, methods, 0, summary.message(), false, detail, entries, TimelineType.NOTIFIED)
			.flatMap((sent) -> sent ? Mono.just(true)
					: this.summaries.release(person.staffId()).thenReturn(Boolean.FALSE));
	}

	private Mono<Boolean> pageNow(AlertDocument alert, OnCallPerson person, String detail, List<TimelineEntry> entries,
			EscalationStep definition, int step, List<FollowUp> followUps) {
		List<ContactMethod> methods = usableMethods(alert, person);
		if (methods.isEmpty() || definition.contact().isEmpty()) {
			return deliver(alert, person, detail, entries, TimelineType.NOTIFIED);
		}
		List<ContactMethod> immediate = new ArrayList<>();
		for (ContactStep part : definition.contact()) {
			ContactMethod method = methods.stream()
				.filter((candidate) -> candidate.kind() == part.kind())
				.findFirst()
				.orElse(null);
			if (method == null) {
				continue;
			}
			if (part.after().isZero() || part.after().isNegative()) {
				if (!immediate.contains(method)) {
					immediate.add(method);
				}
			}
			else {
				followUps.add(new FollowUp(UUID.randomUUID().toString(), person.staffId(), method.kind(),
						method.address(), now().plus(part.after()),
						"Step " + step + ": " + method.kind().name().toLowerCase(Locale.ROOT) + " after "
								+ part.after().toMinutes() + " min, not acknowledged"));
			}
		}
		if (immediate.isEmpty()) {
			return deliver(alert, person, detail, entries, TimelineType.NOTIFIED);
		}
		// If the immediate parts fail, the person's other methods at once, but not those
		// the
		// sequence already has for later: nobody is paged twice on one method in one
		// step.
		List<ContactMethod> others = new ArrayList<>(methods);
		others.removeAll(immediate);
		others.removeIf((method) -> followUps.stream()
			.anyMatch((followUp) -> followUp.staffId().equals(person.staffId()) && followUp.kind() == method.kind()));
		AlertMessage template = template(alert, person, TimelineType.NOTIFIED);
		return Flux.fromIterable(immediate)
			.concatMap((method) -> sendOne(alert, person, method, template, detail, entries, TimelineType.NOTIFIED))
			.reduce(Boolean.FALSE, Boolean::logicalOr)
			.flatMap((reached) -> reached ? Mono.just(true)
					: tryMethods(alert, person, others, 0, detail, entries, TimelineType.NOTIFIED));
	}

	/**
	 * Who the escalation has reached last after a step: the people it reached, together
	 * with those of the step before if both were paged at once; unchanged ({@code null})
	 * if the step reached nobody.
	 */
	private List<String> pagedAfter(AlertDocument alert, int step, boolean reopen, List<String> reachedIds) {
		if (reachedIds.isEmpty()) {
			return null;
		}
		if (!reopen && step > 1 && this.escalation.pagedTogetherWithNext(alert.urgency(), step - 1)) {
			Set<String> together = new LinkedHashSet<>(alert.pagedStaffIds());
			together.addAll(reachedIds);
			return List.copyOf(together);
		}
		return reachedIds;
	}

	private StepOutcome next(AlertDocument alert, EscalationPlan plan, int step, boolean reached) {
		int round = alert.escalationRound();
		int nextStep;
		int nextRound;
		if (step < plan.steps().size()) {
			nextStep = step + 1;
			nextRound = round;
		}
		else if (round < plan.repeat()) {
			nextStep = 1;
			nextRound = round + 1;
		}
		else {
			// Policy used up. If this last step reached someone, paging stops here (the
			// alert stays open); if not, keep retrying it so that someone hears of it.
			return new StepOutcome(step, round, reached ? null : retryAt(alert), reached, false, false);
		}
		// Steps paged together (CRISIS: 1 and 2) are steps of one pass: the wait before
		// the
		// policy starts over is never skipped, also for a policy shorter than that.
		Duration base = plan.steps().get(step - 1).escalateAfter();
		Duration delay = !reached ? this.properties.retryDelay(alert.deliveryAttempts() + 1)
				: (step < plan.steps().size()) ? this.escalation.delayAfter(alert.urgency(), step, base)
						: this.escalation.delayAfter(alert.urgency(), Integer.MAX_VALUE, base);
		return new StepOutcome(nextStep, nextRound, now().plus(delay), reached, false, false);
	}

	private Mono<Void> remindAcknowledger(AlertDocument alert) {
		List<TimelineEntry> entries = Collections.synchronizedList(new ArrayList<>());
		String detail = "Reminder: acknowledged, but the first contact is overdue";
		return this.directory.staffMember(alert.acknowledgedBy(), alert.centerId())
			.flatMap((person) -> deliver(alert, person, detail, entries, TimelineType.NOTIFIED))
			.defaultIfEmpty(Boolean.FALSE)
			.flatMap((reached) -> {
				if (!reached) {
					entries.add(new TimelineEntry(now(), TimelineType.DELIVERY_FAILED, alert.acknowledgedBy(), null,
							"The acknowledger could not be reminded that the first contact is overdue"));
				}
				Duration grace = reached ? this.escalation.overdueGrace(alert.urgency())
						: this.properties.retryDelay(1);
				int nextStep = Math.max(alert.escalationStep(), 2);
				return record(alert, entries,
						new StepOutcome(nextStep, alert.escalationRound(), now().plus(grace), reached, true, false));
			});
	}

	/**
	 * Tell the person currently paged that the person of the alert reached out again, or,
	 * if none of them can be reached, the current step's target.
	 */
	private Mono<Void> noticeRepeats(AlertDocument alert) {
		List<RepeatNotice> notices = alert.repeatNotices();
		if (notices.isEmpty()) {
			return this.alerts.recordRepeatNotices(alert.id(), alert.leaseOwner(), List.of(), List.of(), null);
		}
		List<TimelineEntry> entries = Collections.synchronizedList(new ArrayList<>());
		String detail = "Told that the person reached out again (request "
				+ notices.stream().map(RepeatNotice::reference).collect(Collectors.joining(", ")) + ")";
		return tellRepeat(alert, currentlyPaged(alert), detail, entries).flatMap(
				(reached) -> reached ? Mono.just(true) : tellRepeat(alert, currentStepTargets(alert), detail, entries))
			.flatMap((reached) -> {
				if (!reached) {
					entries.add(new TimelineEntry(now(), TimelineType.DELIVERY_FAILED, null, null,
							"Nobody could be told that the person reached out again"));
				}
				List<String> sent = reached ? notices.stream().map(RepeatNotice::requestId).toList() : List.of();
				Instant retryAt = reached ? null
						: now().plus(this.properties.retryDelay(alert.repeatNoticeFailures() + 1));
				return this.alerts.recordRepeatNotices(alert.id(), alert.leaseOwner(), List.copyOf(entries), sent,
						retryAt);
			});
	}

	private Mono<Boolean> tellRepeat(AlertDocument alert, Flux<OnCallPerson> people, String detail,
			List<TimelineEntry> entries) {
		return people.flatMap((person) -> deliver(alert, person, detail, entries, TimelineType.REPEAT_NOTIFIED))
			.reduce(Boolean.FALSE, Boolean::logicalOr);
	}

	/**
	 * The acknowledger of an acknowledged alert; else the people the escalation reached
	 * last.
	 */
	private Flux<OnCallPerson> currentlyPaged(AlertDocument alert) {
		if (alert.state() == AlertState.ACKNOWLEDGED && alert.acknowledgedBy() != null) {
			return this.directory.staffMember(alert.acknowledgedBy(), alert.centerId()).flux();
		}
		return Flux.fromIterable(alert.pagedStaffIds())
			.concatMap((staffId) -> this.directory.staffMember(staffId, alert.centerId()));
	}

	/**
	 * Whom the alert's current escalation step targets now.
	 */
	private Flux<OnCallPerson> currentStepTargets(AlertDocument alert) {
		return this.directory.planFor(alert.centerId()).flatMapMany((plan) -> {
			int step = Math.min(Math.max(alert.escalationStep(), 1), plan.steps().size());
			return this.directory.targets(plan.teamId(), plan.steps().get(step - 1), now());
		});
	}

	/**
	 * Page one person through their contact methods in order until one works.
	 * @param type {@code NOTIFIED} for a page, {@code REPEAT_NOTIFIED} for the notice
	 * that the person reached out again
	 * @return whether they were reached
	 */
	private Mono<Boolean> deliver(AlertDocument alert, OnCallPerson person, String detail, List<TimelineEntry> entries,
			TimelineType type) {
		List<ContactMethod> methods = usableMethods(alert, person);
		if (methods.isEmpty()) {
			entries.add(new TimelineEntry(now(), TimelineType.DELIVERY_FAILED, person.staffId(), null,
					"No usable contact method for this urgency"));
			return Mono.just(Boolean.FALSE);
		}
		return tryMethods(alert, person, methods, 0, detail, entries, type);
	}

	/**
	 * The person's methods that can page for this alert: confirmed, for its urgency, on a
	 * channel that is on. A method restricted to urgencies treats one this service does
	 * not know as the most urgent.
	 */
	private List<ContactMethod> usableMethods(AlertDocument alert, OnCallPerson person) {
		String urgency = Urgency.of(alert.urgency()).name();
		return person.methodsFor(urgency)
			.stream()
			.filter((method) -> this.channels.containsKey(method.kind()) && this.channels.get(method.kind()).enabled())
			.toList();
	}

	private AlertMessage template(AlertDocument alert, OnCallPerson person, TimelineType type) {
		URI link = this.links.linkFor(alert.id(), person.staffId());
		AlertMessage template = (type == TimelineType.REPEAT_NOTIFIED)
				? this.composer.composeRepeat(alert, null, person.zone(), link)
				: this.composer.compose(alert, null, person.zone(), link);
		return template.urgent(urgent(alert, type));
	}

	/**
	 * Whether a page may use the part of a rate limit that re-pages cannot use up: the
	 * first page of an alert, and every page of a CRISIS alert.
	 */
	private static boolean urgent(AlertDocument alert, TimelineType type) {
		return Urgency.of(alert.urgency()) == Urgency.CRISIS || (type == TimelineType.NOTIFIED && !alert.everPaged());
	}

	private Mono<Boolean> tryMethods(AlertDocument alert, OnCallPerson person, List<ContactMethod> methods, int index,
			String detail, List<TimelineEntry> entries, TimelineType type) {
		return tryMethods(alert, person, methods, index, template(alert, person, type), true, detail, entries, type);
	}

	private Mono<Boolean> tryMethods(AlertDocument alert, OnCallPerson person, List<ContactMethod> methods, int index,
			AlertMessage template, boolean aboutThisAlert, String detail, List<TimelineEntry> entries,
			TimelineType type) {
		if (index >= methods.size()) {
			return Mono.just(Boolean.FALSE);
		}
		return send(alert, person, methods.get(index), template, aboutThisAlert, detail, entries, type)
			.flatMap((reached) -> reached ? Mono.just(true)
					: tryMethods(alert, person, methods, index + 1, template, aboutThisAlert, detail, entries, type));
	}

	private Mono<Boolean> sendOne(AlertDocument alert, OnCallPerson person, ContactMethod method, AlertMessage template,
			String detail, List<TimelineEntry> entries, TimelineType type) {
		return send(alert, person, method, template, true, detail, entries, type);
	}

	/**
	 * Send one message on one method and record it. A text or call about this alert is a
	 * delivery: stored before it goes out (its receipts and keypresses come back for it)
	 * and told how to answer (the alert's reply code).
	 * @param aboutThisAlert {@code false} for a summary, which no receipt or key can
	 * acknowledge
	 * @return whether it went out
	 */
	private Mono<Boolean> send(AlertDocument alert, OnCallPerson person, ContactMethod method, AlertMessage template,
			boolean aboutThisAlert, String detail, List<TimelineEntry> entries, TimelineType type) {
		DeliveryChannel channel = this.channels.get(method.kind());
		String channelTag = method.kind().name().toLowerCase(Locale.ROOT);
		boolean phone = method.kind() == ContactMethod.Kind.SMS || method.kind() == ContactMethod.Kind.VOICE;
		List<String> deliveryIds = Collections.synchronizedList(new ArrayList<>(1));
		Mono<AlertMessage> message = (phone && aboutThisAlert) ? this.alerts.ackCode(alert).flatMap((code) -> {
			String deliveryId = UUID.randomUUID().toString();
			deliveryIds.add(deliveryId);
			return this.deliveries.create(deliveryId, alert.id(), person.staffId(), method.kind(), method.address())
				.thenReturn(this.composer.forPhone(template, alert, code).delivery(deliveryId));
		}) : Mono.just(template);
		return message.flatMap((page) -> channel.send(person.staffId(), page.to(method.address()))
			.flatMap((sent) -> (sent.providerId() != null && page.deliveryId() != null)
					? this.deliveries.sent(page.deliveryId(), sent.providerId()).thenReturn(sent) : Mono.just(sent)))
			.map((sent) -> {
				count(channelTag, "sent");
				log.info("Alert {} (reference {}) {} {} by {}", alert.id(), alert.reference(),
						(type == TimelineType.REPEAT_NOTIFIED) ? "repeat notice sent to" : "paged to", person.staffId(),
						channelTag);
				entries.add(new TimelineEntry(now(), type, person.staffId(), channel.timelineChannel(), detail));
				return Boolean.TRUE;
			})
			.onErrorResume((ex) -> {
				count(channelTag, "failed");
				// The reason and the exception's type only: a mail exception's text can
				// name
				// the address.
				log.warn("{} page for alert {} to {} failed: {} ({})", channelTag, alert.id(), person.staffId(),
						ChannelGuard.reason(ex), ex.getClass().getSimpleName());
				entries.add(new TimelineEntry(now(), TimelineType.DELIVERY_FAILED, person.staffId(),
						channel.timelineChannel(), method.kind() + " delivery " + ChannelGuard.reason(ex)));
				// A text or call that never went out is no page a reply could answer.
				return deliveryIds.isEmpty() ? Mono.just(Boolean.FALSE)
						: this.deliveries.notSent(deliveryIds.get(0)).thenReturn(Boolean.FALSE);
			});
	}

	private Mono<Void> record(AlertDocument alert, List<TimelineEntry> entries, StepOutcome outcome) {
		return record(alert, entries, outcome, List.of());
	}

	private Mono<Void> record(AlertDocument alert, List<TimelineEntry> entries, StepOutcome outcome,
			List<FollowUp> followUps) {
		return this.alerts.recordStep(alert.id(), alert.leaseOwner(), List.copyOf(entries), outcome, followUps)
			.doOnSuccess((done) -> {
				// The sweep finds due follow-ups too; this only spares them the wait
				// behind
				// older work.
				followUps.forEach((followUp) -> wakeUpAt(alert.id(), followUp.dueAt()));
				if ((outcome.nextActionAt() != null && !outcome.nextActionAt().isAfter(now()))
						|| !alert.repeatNotices().isEmpty()) {
					wakeUp(alert.id());
				}
			});
	}

	private void count(String channel, String outcome) {
		Counter.builder("notification.pages")
			.tag("channel", channel)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private Instant retryAt(AlertDocument alert) {
		return now().plus(this.properties.retryDelay(alert.deliveryAttempts() + 1));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
