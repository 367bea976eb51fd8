package org.guildhall.matching.engine;

import java.util.List;

/** Turns texts into unit-length sentence embeddings. */
public interface Embedder {

	/** Embeds each text; equal texts get equal vectors. */
	float[][] embed(List<String> texts, Progress progress);
}
