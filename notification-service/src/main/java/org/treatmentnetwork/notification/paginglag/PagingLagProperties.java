package org.treatmentnetwork.notification.paginglag;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Paging lag ({@code notification.paging-lag}).
 *
 * @param refreshInterval how often the lag is measured (one count and one indexed read)
 * @param warnAfter from which lag supervisors are warned
 */
@Validated
@ConfigurationProperties("notification.paging-lag")
record PagingLagProperties(@NotNull Duration refreshInterval, @NotNull Duration warnAfter) {

}
