package org.guildhall.matching.engine;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence embeddings from the quantised all-MiniLM-L6-v2 model, which runs in-process and
 * offline (the model ships in its jar). Each distinct text is embedded once and cached for the
 * life of this object; empty texts get a zero vector (similarity 0 with everything).
 */
public final class MiniLmEmbedder implements Embedder {

	/** Dimensions of the model's vectors. */
	public static final int DIMENSIONS = 384;

	/** The model's name, as recorded in embedding caches. */
	public static final String MODEL = "all-MiniLM-L6-v2-q (langchain4j 1.19.0-beta29)";

	private static final int BATCH = 64;

	private final Map<String, float[]> cache = new ConcurrentHashMap<>();
	private final boolean remember;
	private volatile EmbeddingModel model;

	/** An embedder that keeps every vector it computes for the rest of its life. */
	public MiniLmEmbedder() {
		this(true);
	}

	/**
	 * @param remember whether to keep computed vectors in memory (callers with a store of their
	 *        own pass false, so memory does not grow with every text ever seen)
	 */
	public MiniLmEmbedder(boolean remember) {
		this.remember = remember;
	}

	private EmbeddingModel model() {
		if (model == null) {
			synchronized (this) {
				if (model == null) {
					model = new AllMiniLmL6V2QuantizedEmbeddingModel();
				}
			}
		}
		return model;
	}

	@Override
	public float[][] embed(List<String> texts, Progress progress) {
		Map<String, float[]> missing = new LinkedHashMap<>();
		for (String text : texts) {
			if (!text.isBlank() && !cache.containsKey(text)) {
				missing.put(text, null);
			}
		}
		List<String> todo = new ArrayList<>(missing.keySet());
		Map<String, float[]> fresh = remember ? cache : missing;
		for (int from = 0; from < todo.size(); from += BATCH) {
			List<String> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
			List<TextSegment> segments = batch.stream().map(TextSegment::from).toList();
			List<Embedding> embeddings = model().embedAll(segments).content();
			for (int k = 0; k < batch.size(); k++) {
				fresh.put(batch.get(k), normalised(embeddings.get(k).vector()));
			}
			progress.report("embedding texts", Math.min(todo.size(), from + BATCH), todo.size());
		}
		float[][] out = new float[texts.size()][];
		for (int k = 0; k < out.length; k++) {
			String text = texts.get(k);
			float[] known = text.isBlank() ? null : cache.get(text);
			out[k] = text.isBlank() ? new float[DIMENSIONS] : known != null ? known : fresh.get(text);
		}
		return out;
	}

	/** Number of distinct texts embedded so far. */
	public int cachedTexts() {
		return cache.size();
	}

	private static float[] normalised(float[] vector) {
		double norm = 0;
		for (float x : vector) {
			norm += x * x;
		}
		norm = Math.sqrt(norm);
		float[] out = vector.clone();
		if (norm > 0) {
			for (int k = 0; k < out.length; k++) {
				out[k] /= (float) norm;
			}
		}
		return out;
	}
}
