package org.treatmentnetwork.servicedefaults.background;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.DisposableBean;

/**
 * A round of background work run at a fixed rate: the first round after
 * {@code firstRoundAfter}, then one every {@code interval}. Rounds never overlap: a round
 * that falls due while another one runs waits for it, and those that fall due meanwhile
 * besides are skipped, so a slow store is never asked more often than the schedule says.
 *
 * <p>
 * A round that fails (an error signal or an exception thrown while building it) is
 * counted through {@link #roundFailed(Throwable)} and logged with the name of the loop
 * and the class of the exception only, never its message, which may quote stored data;
 * the next round follows as scheduled. {@link #stop()} (also called when the bean is
 * destroyed) cancels the running round and the schedule.
 *
 * <p>
 * When to start is the subclass's choice: a {@code SmartLifecycle} subclass gets
 * {@link #start()}, {@link #stop()} and {@link #isRunning()} from here; another calls
 * {@link #start()} from its own event listener.
 *
 * <p>
 * A loop made with {@link Rounds#SCHEDULED_AND_ON_DEMAND} also runs a round soon after
 * {@link #runRoundSoon()}: right away when idle, else right after the running round; and
 * {@link #runRound(boolean)} is told whether the interval elapsed since the previous
 * round, so that it can do the scheduled part of its work only then.
 */
public abstract class BackgroundLoop implements DisposableBean {

	/**
	 * What starts a round.
	 */
	public enum Rounds {

		/** The schedule only. */
		SCHEDULED,

		/** The schedule, and {@link BackgroundLoop#runRoundSoon()} in between. */
		SCHEDULED_AND_ON_DEMAND

	}

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String name;

	private final Duration firstRoundAfter;

	private final Duration interval;

	private final Rounds rounds;

	private final Sinks.Many<Boolean> onDemand = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean scheduledRoundDue = new AtomicBoolean(true);

	private volatile Disposable running;

	/**
	 * A loop run by its schedule only.
	 * @param name what a round does, for the log ("Refreshing pipeline gauges")
	 * @param firstRoundAfter the delay before the first round, from {@link #start()}
	 * @param interval the time from the start of one round to the start of the next
	 */
	protected BackgroundLoop(String name, Duration firstRoundAfter, Duration interval) {
		this(name, firstRoundAfter, interval, Rounds.SCHEDULED);
	}

	/**
	 * A loop.
	 * @param name what a round does, for the log ("Outbox relay pass")
	 * @param firstRoundAfter the delay before the first round, from {@link #start()}
	 * @param interval the time from the start of one round to the start of the next
	 * @param rounds what starts a round
	 */
	protected BackgroundLoop(String name, Duration firstRoundAfter, Duration interval, Rounds rounds) {
		this.name = Objects.requireNonNull(name, "name");
		this.firstRoundAfter = Objects.requireNonNull(firstRoundAfter, "firstRoundAfter");
		this.interval = Objects.requireNonNull(interval, "interval");
		this.rounds = Objects.requireNonNull(rounds, "rounds");
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(name + ": the interval must be positive, not " + interval);
		}
	}

	/**
	 * One round of the work.
	 * @param scheduled whether the interval elapsed since the previous round started;
	 * {@code false} for a round that only {@link #runRoundSoon()} asked for (always
	 * {@code true} for a loop run by its schedule only)
	 * @return completes when the round is over
	 */
	protected abstract Mono<?> runRound(boolean scheduled);

	/**
	 * Work that runs beside the rounds while the loop runs, such as handling items one by
	 * one as they come; subscribed by {@link #start()}, cancelled by {@link #stop()}. It
	 * must not fail: an error ends the loop. None by default.
	 * @return the work
	 */
	protected Flux<?> alongside() {
		return Flux.empty();
	}

	/**
	 * Called when a round failed, before the failure is logged, for instance to count it.
	 * Does nothing by default.
	 * @param failure what went wrong
	 */
	protected void roundFailed(Throwable failure) {
	}

	/**
	 * Starts the schedule (and {@link #alongside()}); does nothing when already running.
	 */
	public synchronized void start() {
		if (this.running != null) {
			return;
		}
		Flux<Boolean> rounds = switch (this.rounds) {
			case SCHEDULED -> Flux.interval(this.firstRoundAfter, this.interval)
				.onBackpressureDrop()
				.concatMap((tick) -> guarded(true), 1);
			case SCHEDULED_AND_ON_DEMAND ->
				Flux.merge(Flux.interval(this.firstRoundAfter, this.interval).map((tick) -> {
					this.scheduledRoundDue.set(true);
					return Boolean.TRUE;
				}), this.onDemand.asFlux())
					.onBackpressureLatest()
					.concatMap((tick) -> guarded(this.scheduledRoundDue.getAndSet(false)), 1);
		};
		this.running = Flux.merge(rounds, alongside()).subscribe();
	}

	/**
	 * Cancels the running round and the schedule; does nothing when not running.
	 */
	public synchronized void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
			this.running = null;
		}
	}

	/**
	 * Whether the loop runs.
	 * @return whether {@link #start()} was called and {@link #stop()} not since
	 */
	public boolean isRunning() {
		return this.running != null;
	}

	@Override
	public void destroy() {
		stop();
	}

	/**
	 * Asks for a round soon: right away when idle, else right after the running round.
	 * Requests made during a round are not lost: rounds follow it, one after the other
	 * (several requests usually share one). A request while the loop is not running (or
	 * lost in a race with another request) only waits for the next scheduled round.
	 * @throws IllegalStateException for a loop run by its schedule only
	 */
	protected void runRoundSoon() {
		if (this.rounds != Rounds.SCHEDULED_AND_ON_DEMAND) {
			throw new IllegalStateException(this.name + " runs by its schedule only");
		}
		this.onDemand.tryEmitNext(Boolean.TRUE);
	}

	private Mono<Boolean> guarded(boolean scheduled) {
		return Mono.defer(() -> runRound(scheduled)).then(Mono.just(Boolean.TRUE)).onErrorResume((ex) -> {
			failed(ex);
			return Mono.just(Boolean.FALSE);
		});
	}

	private void failed(Throwable failure) {
		try {
			roundFailed(failure);
		}
		finally {
			this.log.warn("{} failed: {}", this.name, failure.getClass().getName());
		}
	}

}
