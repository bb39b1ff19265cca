package org.treatmentnetwork.servicedefaults.openapi;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommittedContractTests {

	@TempDir
	Path folder;

	@Test
	void theSameDocumentWrittenInAnotherKeyOrderMatches() throws Exception {
		Path committed = this.folder.resolve("svc.json");
		Files.writeString(committed, "{\"openapi\":\"3.1.0\",\"paths\":{\"/b\":{},\"/a\":{}}}");
		assertThatCode(() -> CommittedContract.assertMatches(committed,
				"{ \"paths\": {\"/a\": {}, \"/b\": {}}, \"openapi\": \"3.1.0\" }"))
			.doesNotThrowAnyException();
	}

	@Test
	void aChangedOperationFailsAndSaysWhere() throws Exception {
		Path committed = this.folder.resolve("svc.json");
		Files.writeString(committed, "{\"paths\":{\"/a\":{\"get\":{\"summary\":\"old\"}}}}");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CommittedContract.assertMatches(committed,
					"{\"paths\":{\"/a\":{\"get\":{\"summary\":\"new\"}}}}"))
			.withMessageContaining("svc.json")
			.withMessageContaining("\"summary\" : \"old\"")
			.withMessageContaining("\"summary\" : \"new\"")
			.withMessageContaining("-Dcontracts.update=true");
	}

	@Test
	void aMissingDocumentFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CommittedContract.assertMatches(this.folder.resolve("absent.json"), "{}"))
			.withMessageContaining("does not exist");
	}

}
