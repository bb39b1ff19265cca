package org.treatmentnetwork.intake.requests;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/intake/contact-requests}, exactly the contract's fields.
 * Unknown fields and values that are not plain JSON scalars (such as {@code {"$ne":
 * null}}) are rejected while binding; the rules that span fields are checked by
 * {@link ContactRequestValidator}. {@code website} is the honeypot: the website's form
 * hides it from people (and from autofill), so only bots fill it in.
 */
record ContactRequestForm(@Size(max = 100) String name, @Size(max = 32) String phone,
		@Size(max = 254) @Email String email,
		@NotNull @Pattern(regexp = "PHONE|TEXT|EMAIL",
				message = "must be one of PHONE, TEXT, EMAIL") String preferredContact,
		@Size(max = 100) String bestTimeToContact,
		@NotNull @Pattern(regexp = "SELF|LOVED_ONE|PROFESSIONAL",
				message = "must be one of SELF, LOVED_ONE, PROFESSIONAL") String forWhom,
		@Size(max = 20) List<@NotBlank @Size(max = 100) String> substances, @Size(max = 2000) String message,
		@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+",
				message = "must contain only letters, digits, '-' and '_'") String centerId,
		@NotNull @Valid Consent consent, @Size(max = 2000) String website) {

	/**
	 * Whether the hidden {@code website} field, which people never see and bots fill in,
	 * has a value.
	 */
	boolean honeypotFilled() {
		return this.website != null && !this.website.isBlank();
	}

}
