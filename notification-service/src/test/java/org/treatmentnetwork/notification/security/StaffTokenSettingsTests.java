package org.treatmentnetwork.notification.security;

import org.treatmentnetwork.servicedefaults.tokens.StaffTokenSettingsContract;

/**
 * The token settings as the application's own {@code application.yml} binds them from the
 * environment, and the refusal to start without an issuer or an audience
 * ({@link StaffTokenSettingsContract}).
 */
class StaffTokenSettingsTests extends StaffTokenSettingsContract {

}
