package org.treatmentnetwork.notification.contactmethods;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.treatmentnetwork.notification.oncall.ContactMethod;
import org.treatmentnetwork.notification.problems.InvalidRequestException;
import org.treatmentnetwork.notification.problems.InvalidRequestException.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContactMethodRulesTests {

	@Test
	void phoneNumbersAreStoredInInternationalForm() {
		assertThat(ContactMethodRules.phone("+1 (202) 555-0101")).isEqualTo("+12025550101");
		assertThat(ContactMethodRules.phone("+44 20 7946 0000")).isEqualTo("+442079460000");
		assertThat(ContactMethodRules.phone("+12345678")).isEqualTo("+12345678");
		assertThat(ContactMethodRules.phone("+123456789012345")).isEqualTo("+123456789012345");
		assertThat(ContactMethodRules.phone("+1234567")).isNull();
		assertThat(ContactMethodRules.phone("+1234567890123456")).isNull();
		assertThat(ContactMethodRules.phone("(202) 555-0101")).isNull();
		assertThat(ContactMethodRules.phone("+0 202 555 0101")).isNull();
		assertThat(ContactMethodRules.phone("+1 202 555 0101 ext 2")).isNull();
		assertThat(ContactMethodRules.phone("+1.202.555.0101")).isNull();
	}

	@Test
	void emailAddressesMustBePlausible() {
		assertThat(ContactMethodRules.email(" Avery.Example@Staff.Treatment-Network.TEST "))
			.isEqualTo("Avery.Example@staff.treatment-network.test");
		assertThat(ContactMethodRules.email("on-call+pages@example.org")).isEqualTo("on-call+pages@example.org");
		assertThat(ContactMethodRules.email("avery")).isNull();
		assertThat(ContactMethodRules.email("@example.org")).isNull();
		assertThat(ContactMethodRules.email("avery@localhost")).isNull();
		assertThat(ContactMethodRules.email("avery@@example.org")).isNull();
		assertThat(ContactMethodRules.email("avery@exa mple.org")).isNull();
		assertThat(ContactMethodRules.email("avery..example@example.org")).isNull();
		assertThat(ContactMethodRules.email("avery@example.org.")).isNull();
		assertThat(ContactMethodRules.email("avery@-example.org")).isNull();
		assertThat(ContactMethodRules.email("a".repeat(65) + "@example.org")).isNull();
	}

	@Test
	void webhooksMustBeHttpsExceptOnThisMachineInDevelopment() {
		assertThat(ContactMethodRules.webhook("https://chat.example.org/hooks/T1/secret", false))
			.isEqualTo("https://chat.example.org/hooks/T1/secret");
		assertThat(ContactMethodRules.webhook("http://chat.example.org/hooks/1", false)).isNull();
		assertThat(ContactMethodRules.webhook("http://chat.example.org/hooks/1", true)).isNull();
		assertThat(ContactMethodRules.webhook("http://localhost:9999/hooks/1", false)).isNull();
		assertThat(ContactMethodRules.webhook("http://localhost:9999/hooks/1", true))
			.isEqualTo("http://localhost:9999/hooks/1");
		assertThat(ContactMethodRules.webhook("http://127.0.0.1:9999/hooks/1", true))
			.isEqualTo("http://127.0.0.1:9999/hooks/1");
		assertThat(ContactMethodRules.webhook("ftp://chat.example.org/hooks", true)).isNull();
		assertThat(ContactMethodRules.webhook("https:///hooks", false)).isNull();
		assertThat(ContactMethodRules.webhook("chat.example.org/hooks", false)).isNull();
		assertThat(ContactMethodRules.webhook("https://chat.example.org/a b", false)).isNull();
	}

	@Test
	void everyInvalidFieldIsNamedWithoutRepeatingWhatWasSent() {
		ContactMethodsRequest request = new ContactMethodsRequest(
				Arrays.asList(new ContactMethodsRequest.ContactMethodInput("PAGER", "555-0100", null),
						new ContactMethodsRequest.ContactMethodInput("SMS", "555-0100", null), null,
						new ContactMethodsRequest.ContactMethodInput("EMAIL", "avery@example.org",
								List.of("CRISIS", "LATER")),
						new ContactMethodsRequest.ContactMethodInput("EMAIL", "avery@EXAMPLE.org", null)));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> ContactMethodRules.validate(request, false))
			.satisfies((ex) -> {
				assertThat(ex.getErrors()).extracting(FieldError::field)
					.containsExactly("methods[0].kind", "methods[1].address", "methods[2]", "methods[3].urgencies");
				assertThat(ex.getErrors()).extracting(FieldError::message)
					.noneMatch((message) -> message.contains("555") || message.contains("PAGER")
							|| message.contains("LATER"));
			});
	}

	@Test
	void duplicatesAreFoundInTheStoredForm() {
		ContactMethodsRequest request = new ContactMethodsRequest(
				List.of(new ContactMethodsRequest.ContactMethodInput("EMAIL", "avery@example.org", null),
						new ContactMethodsRequest.ContactMethodInput("EMAIL", "avery@EXAMPLE.org", null),
						new ContactMethodsRequest.ContactMethodInput("SMS", "+1 202 555 0101", null),
						new ContactMethodsRequest.ContactMethodInput("VOICE", "+1 202 555 0101", null)));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> ContactMethodRules.validate(request, false))
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement()
				.isEqualTo(new FieldError("methods[1]", "repeats an earlier method (same kind and address)")));
	}

	@Test
	void validMethodsKeepTheirOrderAndUrgencies() {
		List<ContactMethod> methods = ContactMethodRules.validate(new ContactMethodsRequest(List.of(
				new ContactMethodsRequest.ContactMethodInput("VOICE", "+1 202 555 0101",
						List.of("CRISIS", "CRISIS", "HIGH")),
				new ContactMethodsRequest.ContactMethodInput("EMAIL", "avery@example.org", List.of()),
				new ContactMethodsRequest.ContactMethodInput("WEBHOOK", "https://chat.example.org/hooks/1", null))),
				false);

		assertThat(methods).containsExactly(
				new ContactMethod(ContactMethod.Kind.VOICE, "+12025550101", List.of("CRISIS", "HIGH"), null),
				new ContactMethod(ContactMethod.Kind.EMAIL, "avery@example.org", List.of(), null),
				new ContactMethod(ContactMethod.Kind.WEBHOOK, "https://chat.example.org/hooks/1", null, null));
	}

	@Test
	void othersSeeAddressesMasked() {
		assertThat(mask(ContactMethod.Kind.SMS, "+12025550101")).isEqualTo("+1•••••••01");
		assertThat(mask(ContactMethod.Kind.VOICE, "+442079460000")).isEqualTo("+4•••••••00");
		assertThat(mask(ContactMethod.Kind.EMAIL, "avery.example@staff.treatment-network.test"))
			.isEqualTo("a•••@staff.treatment-network.test");
		assertThat(mask(ContactMethod.Kind.WEBHOOK, "https://Chat.Example.org/hooks/T1/secret?token=1"))
			.isEqualTo("chat.example.org");
		assertThat(mask(ContactMethod.Kind.WEBHOOK, "not a url")).isEqualTo("•••");
		assertThat(mask(ContactMethod.Kind.EMAIL, "no-at-sign")).isEqualTo("•••");
	}

	private static String mask(ContactMethod.Kind kind, String address) {
		return ContactMethodRules.mask(new ContactMethod(kind, address, null));
	}

}
