package org.treatmentnetwork.intake.system;

import java.util.List;

import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * The indexes a feature relies on in one collection. Every bean of this type is created
 * at startup by {@link MongoIndexInitializer}; the service reports ready only afterwards.
 */
public interface RequiredIndexes {

	String collection();

	List<IndexDefinition> indexes();

	static RequiredIndexes of(String collection, IndexDefinition... indexes) {
		List<IndexDefinition> list = List.of(indexes);
		return new RequiredIndexes() {

			@Override
			public String collection() {
				return collection;
			}

			@Override
			public List<IndexDefinition> indexes() {
				return list;
			}

		};
	}

}
