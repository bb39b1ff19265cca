package org.treatmentnetwork.notification.paginglag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.treatmentnetwork.notification.alerts.Alerts;
import org.treatmentnetwork.notification.alerts.UnpagedAlerts;
import org.treatmentnetwork.notification.store.StoreReadyEvent;
import org.treatmentnetwork.servicedefaults.background.BackgroundLoop;
import reactor.core.publisher.Mono;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Measures, every {@code notification.paging-lag.refresh-interval}, how long the oldest
 * triggered alert has waited without anybody paged: the gauges
 * {@code notification.paging.lag} (seconds) and {@code notification.paging.unpaged}, and
 * the report supervisors read at {@code GET /api/alerts/paging-lag}. The lag grows when
 * paging falls behind the alerts coming in (more requests than the pages keep up with,
 * every channel failing), which no single page's failure shows. Requests not yet turned
 * into alerts are intake's part ({@code intake.outbox.lag}) and Kafka's (the consumer's
 * lag).
 */
@Component
class PagingLag extends BackgroundLoop {

	static final String BEHIND = "Paging is %s behind: %d alert%s opened since %s %s nobody paged yet. "
			+ "Call the on-call staff directly and work the queue by urgency until it catches up.";

	/** Unpaged alerts are counted up to this many. */
	static final int COUNTED_AT_MOST = 10_000;

	static final String UNMEASURED = "Paging lag cannot be measured (the alert store does not answer). "
			+ "Check that the on-call staff receive their pages; call them directly if in doubt.";

	private final Alerts alerts;

	private final Clock clock;

	private final PagingLagProperties properties;

	private final AtomicReference<PagingLagReport> last = new AtomicReference<>();

	PagingLag(Alerts alerts, Clock clock, PagingLagProperties properties, MeterRegistry meters) {
		super("Measuring paging lag", Duration.ZERO, properties.refreshInterval());
		this.alerts = alerts;
		this.clock = clock;
		this.properties = properties;
		Gauge.builder("notification.paging.lag", this, (lag) -> lag.report().lagSeconds())
			.description("Seconds the oldest triggered alert has waited without anybody paged")
			.baseUnit("seconds")
			.register(meters);
		Gauge.builder("notification.paging.unpaged", this, (lag) -> lag.report().unpagedAlerts())
			.description("Triggered alerts nobody has been paged for yet")
			.register(meters);
	}

	@EventListener(StoreReadyEvent.class)
	synchronized void onStoreReady() {
		if (!isRunning()) {
			start();
		}
	}

	/**
	 * The last measurement, its lag counted up to now; before the first one, or when the
	 * last is older than three refresh intervals, a report that says it is unmeasured.
	 */
	PagingLagReport report() {
		Instant now = this.clock.instant();
		PagingLagReport measured = this.last.get();
		if (measured == null
				|| measured.measuredAt().isBefore(now.minus(this.properties.refreshInterval().multipliedBy(3)))) {
			return new PagingLagReport((measured != null) ? measured.measuredAt() : null,
					(measured != null) ? measured.unpagedAlerts() : 0,
					(measured != null) ? measured.oldestUnpagedSince() : null,
					(measured != null) ? lagSeconds(measured.oldestUnpagedSince(), now) : 0, UNMEASURED);
		}
		return report(measured.measuredAt(), measured.unpagedAlerts(), measured.oldestUnpagedSince(), now);
	}

	@Override
	protected Mono<?> runRound(boolean scheduled) {
		return this.alerts.unpaged(COUNTED_AT_MOST).doOnNext(this::record);
	}

	private void record(UnpagedAlerts unpaged) {
		Instant now = this.clock.instant();
		this.last.set(report(now, unpaged.count(), unpaged.oldestCreatedAt(), now));
	}

	private PagingLagReport report(Instant measuredAt, long count, Instant oldest, Instant now) {
		double lag = lagSeconds(oldest, now);
		String warning = null;
		if (oldest != null && Duration.between(oldest, now).compareTo(this.properties.warnAfter()) >= 0) {
			warning = BEHIND.formatted(readable(Duration.between(oldest, now)), count, (count == 1) ? "" : "s", oldest,
					(count == 1) ? "has" : "have");
		}
		return new PagingLagReport(measuredAt, count, oldest, lag, warning);
	}

	private static double lagSeconds(Instant oldest, Instant now) {
		return (oldest == null) ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
	}

	private static String readable(Duration lag) {
		if (lag.toMinutes() >= 1) {
			return lag.toMinutes() + " min " + lag.toSecondsPart() + " s";
		}
		return lag.toSeconds() + " s";
	}

}
