package org.guildhall.community.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.guildhall.matching.TextEmbeddings;
import org.guildhall.matching.engine.MiniLmEmbedder;
import org.guildhall.matching.engine.Progress;
import org.guildhall.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings for semantic search, from the in-process MiniLM model that matching uses.
 * Embedding is slow (a few hundred texts a second), so documents are embedded in the background:
 * {@code lookUp} returns what is already known (by SHA-256 of the text, from the
 * {@code community_embedding} table) and queues the rest; a single worker embeds the queue in
 * batches, stores the vectors and tells the index which documents to rewrite. Queries are embedded
 * on the spot (a few milliseconds). Off with {@code guildhall.community.semantic.enabled=false}.
 */
@Component
public class Vectors {

	private static final Logger log = LoggerFactory.getLogger(Vectors.class);
	public static final int DIMENSIONS = MiniLmEmbedder.DIMENSIONS;
	/** Longer texts are cut: the model reads at most 256 tokens anyway. */
	static final int MAX_TEXT = 1_500;
	private static final int BATCH = 64;
	/** A fresh embedder (the model itself is shared) every so many queries, so its text cache stays small. */
	private static final int QUERIES_PER_EMBEDDER = 2_000;

	/** A document waiting for its vector: its index key ("post:12"), text and the text's hash. */
	record Pending(String key, String text, String hash) {
	}

	private final JdbcClient jdbc;
	private final boolean enabled;
	private final Map<String, Pending> queue = new LinkedHashMap<>();
	private final Object lock = new Object();
	private final AtomicLong embedded = new AtomicLong();
	private final AtomicInteger queryUses = new AtomicInteger();
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "community-embeddings");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		return thread;
	});
	private volatile @Nullable MiniLmEmbedder queryEmbedder;
	private volatile Consumer<List<String>> onEmbedded = keys -> {
	};
	private volatile boolean running;
	private volatile int inFlight;
	private volatile @Nullable String failure;

	Vectors(JdbcClient jdbc, @Value("${guildhall.community.semantic.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.enabled = enabled;
	}

	@PreDestroy
	void close() throws InterruptedException {
		worker.shutdownNow();
		worker.awaitTermination(5, TimeUnit.SECONDS);
	}

	public boolean enabled() {
		return enabled && failure == null;
	}

	/** Documents still waiting for a vector (queued or being embedded now). */
	public int waiting() {
		synchronized (lock) {
			return queue.size() + inFlight;
		}
	}

	/** Texts embedded by this node since start-up. */
	public long embeddedSoFar() {
		return embedded.get();
	}

	public @Nullable String failure() {
		return failure;
	}

	/** Called with the keys of documents whose vectors became available. */
	void onEmbedded(Consumer<List<String>> listener) {
		this.onEmbedded = listener;
	}

	static String clip(String text) {
		String clean = text.strip();
		return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
	}

	static String hash(String text) {
		return Sha256.hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * The stored vectors for these documents' texts (key to vector); texts without one are queued
	 * for the background worker. Empty when semantic search is off.
	 */
	Map<String, float[]> lookUp(Map<String, String> textsByKey, boolean queueMissing) {
		if (!enabled() || textsByKey.isEmpty()) {
			return Map.of();
		}
		Map<String, String> hashes = new HashMap<>();
		textsByKey.forEach((key, text) -> hashes.put(key, hash(text)));
		Map<String, float[]> byHash = stored(hashes.values());
		Map<String, float[]> found = new HashMap<>();
		List<Pending> missing = new ArrayList<>();
		textsByKey.forEach((key, text) -> {
			float[] vector = byHash.get(hashes.get(key));
			if (vector != null) {
				found.put(key, vector);
			}
			else {
				missing.add(new Pending(key, text, hashes.get(key)));
			}
		});
		if (!missing.isEmpty() && queueMissing) {
			synchronized (lock) {
				missing.forEach(p -> queue.put(p.key(), p));
				if (!running) {
					running = true;
					worker.submit(this::drain);
				}
			}
		}
		return found;
	}

	/** Forgets queued work for documents that no longer exist. */
	void forget(Collection<String> keys) {
		synchronized (lock) {
			keys.forEach(queue::remove);
		}
	}

	void forgetAll() {
		synchronized (lock) {
			queue.clear();
		}
	}

	/** The query's vector, or null when semantic search is off or the model cannot run. */
	public float @Nullable [] query(String text) {
		if (!enabled()) {
			return null;
		}
		try {
			MiniLmEmbedder embedder = queryEmbedder;
			if (embedder == null || queryUses.incrementAndGet() > QUERIES_PER_EMBEDDER) {
				embedder = new MiniLmEmbedder();
				queryEmbedder = embedder;
				queryUses.set(0);
			}
			float[] vector = embedder.embed(List.of(clip(text)), Progress.NONE)[0];
			return isZero(vector) ? null : vector;
		}
		catch (RuntimeException | LinkageError e) {
			disable(e);
			return null;
		}
	}

	private void drain() {
		try {
			while (true) {
				List<Pending> batch = new ArrayList<>(BATCH);
				synchronized (lock) {
					var it = queue.values().iterator();
					while (it.hasNext() && batch.size() < BATCH) {
						batch.add(it.next());
						it.remove();
					}
					if (batch.isEmpty()) {
						running = false;
						return;
					}
					inFlight = batch.size();
				}
				// identical texts (a re-import, an unchanged edit) may have been stored meanwhile
				Map<String, float[]> known = stored(batch.stream().map(Pending::hash).toList());
				List<Pending> todo = batch.stream().filter(p -> !known.containsKey(p.hash())).toList();
				if (!todo.isEmpty()) {
					float[][] vectors = new MiniLmEmbedder().embed(todo.stream().map(Pending::text).toList(), Progress.NONE);
					for (int i = 0; i < todo.size(); i++) {
						store(todo.get(i).hash(), vectors[i]);
					}
					embedded.addAndGet(todo.size());
				}
				onEmbedded.accept(batch.stream().map(Pending::key).toList());
				synchronized (lock) {
					inFlight = 0;
				}
			}
		}
		catch (RuntimeException | LinkageError e) {
			disable(e);
			synchronized (lock) {
				running = false;
				inFlight = 0;
				queue.clear();
			}
		}
	}

	private void disable(Throwable e) {
		log.error("Semantic search is off: the embedding model failed", e);
		failure = "the embedding model failed: " + e.getMessage();
	}

	private Map<String, float[]> stored(Collection<String> hashes) {
		Map<String, float[]> found = new HashMap<>();
		if (hashes.isEmpty()) {
			return found;
		}
		List<String> distinct = hashes.stream().distinct().toList();
		for (int from = 0; from < distinct.size(); from += 1000) {
			jdbc.sql("SELECT text_hash, vector FROM community_embedding WHERE text_hash IN (:hashes)")
				.param("hashes", distinct.subList(from, Math.min(distinct.size(), from + 1000)))
				.query(rs -> {
					found.put(rs.getString(1), TextEmbeddings.decode(rs.getBytes(2)));
				});
		}
		return found;
	}

	private void store(String hash, float[] vector) {
		if (isZero(vector)) {
			return;
		}
		try {
			jdbc.sql("INSERT INTO community_embedding (text_hash, vector) VALUES (?, ?)").params(hash, TextEmbeddings.encode(vector)).update();
		}
		catch (DuplicateKeyException e) {
			// another node embedded the same text: same vector
		}
	}

	static boolean isZero(float[] vector) {
		for (float x : vector) {
			if (x != 0f) {
				return false;
			}
		}
		return true;
	}
}
