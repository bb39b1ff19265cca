package org.treatmentnetwork.servicedefaults.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoTimeoutsTests {

	@Test
	void everyLimitReachesTheClientSettings() {
		MongoClientSettings.Builder builder = MongoClientSettings.builder();
		new MongoTimeouts(Duration.ofMillis(1500), Duration.ofSeconds(4), Duration.ofMillis(2500)).customizer()
			.customize(builder);
		MongoClientSettings settings = builder.build();
		assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1500);
		assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(4000);
		assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2500);
	}

}
