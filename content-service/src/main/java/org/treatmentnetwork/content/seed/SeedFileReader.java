package org.treatmentnetwork.content.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads packaged seed files (one JSON document per file) and validates each one. Any
 * unreadable, unknown or invalid field fails loudly at startup, naming the file.
 */
@Component
public class SeedFileReader {

	private final JsonMapper jsonMapper;

	private final Validator validator;

	private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
			SeedFileReader.class.getClassLoader());

	public SeedFileReader(JsonMapper jsonMapper, Validator validator) {
		this.jsonMapper = jsonMapper;
		this.validator = validator;
	}

	/**
	 * Read every file matching a location pattern, in file-name order.
	 * @param <T> the seed item type
	 * @param locationPattern a resource pattern such as
	 * {@code classpath:seed/articles/*.json}
	 * @param type the seed item type
	 * @return the validated items
	 * @throws IllegalStateException if no file matches, or a file is unreadable or
	 * invalid
	 */
	public <T> List<T> read(String locationPattern, Class<T> type) {
		Resource[] resources = resources(locationPattern);
		if (resources.length == 0) {
			throw new IllegalStateException("No seed files match " + locationPattern);
		}
		Arrays.sort(resources, Comparator.comparing(Resource::getFilename, Comparator.nullsFirst(String::compareTo)));
		List<T> items = new ArrayList<>(resources.length);
		for (Resource resource : resources) {
			T item = parse(resource, type);
			Set<ConstraintViolation<T>> violations = this.validator.validate(item);
			if (!violations.isEmpty()) {
				throw new IllegalStateException("Seed file " + resource.getFilename() + " is invalid: "
						+ violations.stream()
							.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
							.sorted()
							.collect(Collectors.joining("; ")));
			}
			items.add(item);
		}
		return List.copyOf(items);
	}

	private Resource[] resources(String locationPattern) {
		try {
			return this.resolver.getResources(locationPattern);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list seed files " + locationPattern, ex);
		}
	}

	private <T> T parse(Resource resource, Class<T> type) {
		try (InputStream in = resource.getInputStream()) {
			return this.jsonMapper.readerFor(type)
				.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.readValue(in);
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalStateException("Cannot read seed file " + resource.getFilename(), ex);
		}
	}

}
