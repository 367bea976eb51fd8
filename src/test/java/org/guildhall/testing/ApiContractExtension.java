package org.guildhall.testing;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test whose API requests or responses did not match {@code /v3/api-docs}, listing each
 * exchange (method, path, status) and what did not match. All mismatches of a run are also appended
 * to {@code target/api-contract-mismatches.txt}.
 */
public class ApiContractExtension implements BeforeEachCallback, AfterEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ApiContract.drain();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> found = ApiContract.drain();
		if (!found.isEmpty()) {
			throw new AssertionError("The API did not match its description (/v3/api-docs) in " + found.size()
					+ " place(s):\n  " + String.join("\n  ", found.stream().distinct().toList()));
		}
	}
}
