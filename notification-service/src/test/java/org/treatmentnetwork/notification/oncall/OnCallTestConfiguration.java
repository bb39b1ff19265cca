package org.treatmentnetwork.notification.oncall;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The on-call directory and the demo seed, for slice tests of other packages.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(OnCallProperties.class)
@Import({ OnCallDirectory.class, DemoNetworkSeeder.class, Schedules.class, ScheduleChanges.class })
public class OnCallTestConfiguration {

}
