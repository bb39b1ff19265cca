package org.treatmentnetwork.servicedefaults.kafka;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes sure the service's topics exist. Spring's {@link KafkaAdmin} creates the declared
 * {@link NewTopic}s once, while the application starts, and only logs when that times out
 * (a broker still starting, a loaded machine): the topics would then be missing for good,
 * and nothing published to them would arrive. Once the application is ready this checks
 * that every declared topic exists and, while one is missing, creates them again every
 * {@code retryEvery}, until they all exist or the application stops.
 */
public final class TopicProvisioning implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

	private final KafkaAdmin admin;

	private final String[] topics;

	private final Duration retryEvery;

	private volatile Disposable running;

	/**
	 * Provisioning of the declared topics.
	 * @param admin the application's admin
	 * @param topics the declared topics
	 * @param retryEvery the wait between attempts while one is missing
	 */
	public TopicProvisioning(KafkaAdmin admin, List<NewTopic> topics, Duration retryEvery) {
		this.admin = admin;
		this.topics = topics.stream().map(NewTopic::name).toArray(String[]::new);
		this.retryEvery = retryEvery;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.topics.length == 0 || this.running != null) {
			return;
		}
		this.running = Flux.interval(Duration.ZERO, this.retryEvery, Schedulers.boundedElastic())
			.onBackpressureDrop()
			.concatMap((tick) -> Flux.just(provisioned()), 1)
			.takeUntil(Boolean::booleanValue)
			.subscribe();
	}

	/**
	 * Whether every topic exists; if not, one attempt at creating them.
	 * @return {@code true} once they all exist
	 */
	boolean provisioned() {
		try {
			this.admin.describeTopics(this.topics);
			return true;
		}
		catch (RuntimeException missing) {
			log.warn("Kafka topics {} are not all there ({}): creating them, and checking again in {}",
					String.join(", ", this.topics), missing.getClass().getSimpleName(), this.retryEvery);
			try {
				this.admin.initialize();
			}
			catch (RuntimeException ex) {
				log.warn("Creating the Kafka topics failed, retrying in {}: {}", this.retryEvery, ex.toString());
			}
			return false;
		}
	}

	@Override
	public void destroy() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
	}

}
