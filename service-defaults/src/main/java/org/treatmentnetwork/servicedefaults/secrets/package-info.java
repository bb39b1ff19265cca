/**
 * The refusal to start outside the {@code local} profile with missing or development
 * secrets: the common checks and the test for development values. Each service names its
 * own secrets in a subclass of
 * {@link org.treatmentnetwork.servicedefaults.secrets.SecretsCheck}.
 */
package org.treatmentnetwork.servicedefaults.secrets;
