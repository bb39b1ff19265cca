package org.treatmentnetwork.identity.staff;

import java.util.List;

import org.treatmentnetwork.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The staff who may sign in ({@code identity.staff}), each with the roles of the contract
 * as authorities {@code ROLE_<role>}; passwords are checked in the format they are stored
 * in ({@code {bcrypt}}, {@code {noop}} for the local demo users).
 */
@Configuration(proxyBeanMethods = false)
class StaffDirectory {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService staff(IdentityProperties properties) {
		List<UserDetails> users = properties.staff()
			.stream()
			.map((member) -> User.withUsername(member.username())
				.password(member.password())
				.roles(member.roles().toArray(String[]::new))
				.build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

}
