package org.treatmentnetwork.identity.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.treatmentnetwork.identity.IdentityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key tokens are signed with: the RSA private key in {@code identity.signing-key}
 * (PKCS #8 PEM, as {@code openssl genpkey -algorithm RSA} writes it, and as the local
 * stack keeps it for its development tokens, so that both kinds of token check against
 * one public key). Its key id is the JWK thumbprint of the public key.
 */
@Configuration(proxyBeanMethods = false)
class SigningKey {

	@Bean
	JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
		return new ImmutableJWKSet<>(new JWKSet(read(properties.signingKey())));
	}

	static RSAKey read(Path file) {
		try {
			String pem = Files.readString(file, StandardCharsets.US_ASCII);
			byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
			RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).build();
			return new RSAKey.Builder(key).keyIDFromThumbprint().build();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the signing key " + file + ": " + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException
				| com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(
					"the signing key " + file + " is not an RSA private key in PKCS #8 PEM: " + ex.getMessage(), ex);
		}
	}

}
