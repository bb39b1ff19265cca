package org.treatmentnetwork.servicedefaults.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation open to anyone that a staff member may also call with a token holding one
 * of the roles (the contact form, which an agent uses to log a phone call). The document
 * then offers both: no token, or the staff token with those roles.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OptionalStaffToken {

	/**
	 * The roles a token must hold, any one of them, when one is sent.
	 * @return the roles
	 */
	String[] roles();

}
