package org.guildhall.matching;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.guildhall.matching.engine.Embedder;
import org.guildhall.matching.engine.MiniLmEmbedder;
import org.guildhall.matching.engine.Progress;
import org.guildhall.shared.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sentence embeddings of profile texts, each computed once: vectors are kept in the
 * {@code text_embedding} table by the SHA-256 of the text (shared by every node and kept across
 * restarts) and the most recently used ones in memory. Embedding is the slow step of a matching
 * run (a few hundred texts a second on two cores), so {@link #prepare} embeds a programme's texts
 * in the background before anybody presses "Run": the background worker goes through its texts
 * from the last one backwards while a run that starts meanwhile goes forwards, and each skips what
 * the other has done, so they meet in the middle instead of doing the same work twice.
 */
@Service
public class TextEmbeddings implements Embedder {

	private static final Logger log = LoggerFactory.getLogger(TextEmbeddings.class);

	/** Vectors kept in memory (1.5 KiB each). */
	private static final int MEMORY = 40_000;

	private static final int BATCH = 64;

	private final JdbcClient jdbc;
	/** Stores in a transaction of their own: callers may be inside a read-only one. */
	private final TransactionTemplate own;
	private final MiniLmEmbedder model = new MiniLmEmbedder(false);
	private final Map<String, float[]> memory = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
			return size() > MEMORY;
		}
	});
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "text-embeddings");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		return thread;
	});

	TextEmbeddings(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public float[][] embed(List<String> texts, Progress progress) {
		Map<String, String> hashes = hashes(texts);
		Map<String, float[]> vectors = known(hashes.values());
		List<String> todo = unembedded(hashes, vectors);
		for (int from = 0; from < todo.size(); from += BATCH) {
			embedBatch(todo.subList(from, Math.min(todo.size(), from + BATCH)), hashes, vectors);
			progress.report("embedding texts", Math.min(todo.size(), from + BATCH), todo.size());
		}
		float[][] out = new float[texts.size()][];
		for (int k = 0; k < out.length; k++) {
			String text = texts.get(k);
			out[k] = text.isBlank() ? new float[MiniLmEmbedder.DIMENSIONS] : vectors.get(hashes.get(text));
		}
		return out;
	}

	/** Embeds and stores, in the background, those of the texts that have no vector yet. */
	public void prepare(Collection<String> texts) {
		List<String> all = List.copyOf(texts);
		background.execute(() -> {
			try {
				Map<String, String> hashes = hashes(all);
				Map<String, float[]> vectors = known(hashes.values());
				List<String> todo = new ArrayList<>(unembedded(hashes, vectors));
				Collections.reverse(todo);
				for (int from = 0; from < todo.size(); from += BATCH) {
					embedBatch(todo.subList(from, Math.min(todo.size(), from + BATCH)), hashes, vectors);
				}
				if (!todo.isEmpty()) {
					log.info("Prepared {} of {} profile texts for matching", todo.size(), hashes.size());
				}
			}
			catch (RuntimeException e) {
				log.warn("Preparing profile texts for matching failed; runs will embed them instead", e);
			}
		});
	}

	/** How many vectors the table holds for the current model. */
	public long stored() {
		return jdbc.sql("SELECT COUNT(*) FROM text_embedding WHERE model = ?").param(MiniLmEmbedder.MODEL).query(Long.class)
			.single();
	}

	@PreDestroy
	void stop() {
		background.shutdownNow();
	}

	/** Embeds the texts of the batch that nobody has embedded meanwhile, stores and remembers them. */
	private void embedBatch(List<String> batch, Map<String, String> hashes, Map<String, float[]> vectors) {
		List<String> missing = new ArrayList<>();
		for (String text : batch) {
			float[] done = memory.get(hashes.get(text));
			if (done != null) {
				vectors.put(hashes.get(text), done);
			}
			else {
				missing.add(text);
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		float[][] computed = model.embed(missing, Progress.NONE);
		List<Object> rows = new ArrayList<>();
		for (int k = 0; k < missing.size(); k++) {
			String hash = hashes.get(missing.get(k));
			vectors.put(hash, computed[k]);
			memory.put(hash, computed[k]);
			rows.addAll(List.of(MiniLmEmbedder.MODEL, hash, encode(computed[k])));
		}
		store(rows);
	}

	/** The vectors already known, from memory or the table, by hash. */
	private Map<String, float[]> known(Collection<String> hashes) {
		Map<String, float[]> found = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		for (String hash : hashes) {
			float[] vector = memory.get(hash);
			if (vector != null) {
				found.put(hash, vector);
			}
			else {
				unknown.add(hash);
			}
		}
		for (int from = 0; from < unknown.size(); from += 1000) {
			jdbc.sql("SELECT text_hash, vector FROM text_embedding WHERE model = :model AND text_hash IN (:hashes)")
				.param("model", MiniLmEmbedder.MODEL).param("hashes", unknown.subList(from, Math.min(unknown.size(), from + 1000)))
				.query(rs -> {
					float[] vector = decode(rs.getBytes(2));
					found.put(rs.getString(1), vector);
					memory.put(rs.getString(1), vector);
				});
		}
		return found;
	}

	/**
	 * Stores (model, hash, vector) rows in one statement and transaction. A text another thread or
	 * node stored meanwhile (a run and the background worker meeting in the middle) is skipped: its
	 * vector is the same.
	 */
	private void store(List<Object> rows) {
		String values = String.join(", ", Collections.nCopies(rows.size() / 3, "(?, ?, ?)"));
		try {
			own.executeWithoutResult(status -> jdbc
				.sql("INSERT INTO text_embedding (model, text_hash, vector) VALUES " + values + " ON CONFLICT DO NOTHING")
				.params(rows)
				.update());
		}
		catch (org.springframework.dao.TransientDataAccessException e) {
			// the store is a cache: when another transaction holds the rows (H2 locks them while a
			// caller's own transaction has them), the vectors are still returned and stored next time
			log.warn("Embeddings computed but not cached this time: {}", e.getMostSpecificCause().getMessage());
		}
	}

	/** The texts, in order, whose hash has no vector yet. */
	private static List<String> unembedded(Map<String, String> hashes, Map<String, float[]> vectors) {
		return hashes.entrySet().stream().filter(e -> !vectors.containsKey(e.getValue())).map(Map.Entry::getKey).toList();
	}

	/** Distinct non-blank texts with their SHA-256, in first-seen order. */
	private static Map<String, String> hashes(List<String> texts) {
		Map<String, String> hashes = new LinkedHashMap<>();
		for (String text : texts) {
			if (!text.isBlank()) {
				hashes.computeIfAbsent(text, Sha256::hex);
			}
		}
		return hashes;
	}

	/** A vector as stored in a database column: little-endian floats (the community's vectors too). */
	public static byte[] encode(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	/** The vector {@link #encode} stored. */
	public static float[] decode(byte[] bytes) {
		float[] vector = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
		return vector;
	}
}
