package org.treatmentnetwork.content.crisis;

/**
 * A crisis line as the website shows it.
 *
 * @param name the name of the service
 * @param phone the number to call
 * @param sms the number to text, or {@code null}
 * @param url the web page, or {@code null}
 * @param hours when it answers
 * @param description who it is for and how to reach it (an addition to the contract's
 * fields, for details such as a TTY number)
 */
record CrisisResource(String name, String phone, String sms, String url, String hours, String description) {

	static CrisisResource from(CrisisProperties.Resource resource) {
		return new CrisisResource(resource.name(), resource.phone(), resource.sms(), resource.url(), resource.hours(),
				resource.description());
	}

}
