package org.treatmentnetwork.notification.channels;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelRequestObservationConventionTests {

	private final ChannelRequestObservationConvention convention = new ChannelRequestObservationConvention();

	@Test
	void aWebhooksPathAndQueryAreNeverRecorded() {
		ClientRequest.Builder builder = ClientRequest.create(HttpMethod.POST,
				URI.create("https://hooks.chat.example:8443/services/T000/B000/XXXXSECRET?token=also-secret"));
		ClientRequestObservationContext context = new ClientRequestObservationContext(builder);
		context.setRequest(builder.build());
		context.setUriTemplate("https://hooks.chat.example:8443/services/T000/B000/XXXXSECRET?token=also-secret");

		String recorded = this.convention.getLowCardinalityKeyValues(context) + " "
				+ this.convention.getHighCardinalityKeyValues(context);

		assertThat(recorded).doesNotContain("SECRET", "services", "token").contains("https://hooks.chat.example:8443");
	}

}
