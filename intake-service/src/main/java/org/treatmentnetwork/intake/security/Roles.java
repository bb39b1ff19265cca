package org.treatmentnetwork.intake.security;

/**
 * Staff roles carried in the token's {@code roles} claim, as Spring Security authorities.
 */
public final class Roles {

	public static final String INTAKE_AGENT = "INTAKE_AGENT";

	public static final String SUPERVISOR = "SUPERVISOR";

	/** The authority a token with role {@code INTAKE_AGENT} maps to. */
	public static final String INTAKE_AGENT_AUTHORITY = "ROLE_" + INTAKE_AGENT;

	/** The authority a token with role {@code SUPERVISOR} maps to. */
	public static final String SUPERVISOR_AUTHORITY = "ROLE_" + SUPERVISOR;

	private Roles() {
	}

}
