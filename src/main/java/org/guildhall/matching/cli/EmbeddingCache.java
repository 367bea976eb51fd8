package org.guildhall.matching.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guildhall.matching.engine.Embedder;
import org.guildhall.matching.engine.InvalidProblemException;
import org.guildhall.matching.engine.Progress;

/**
 * Embeddings kept in a file between runs ({@code --embedding-cache FILE}), so a rerun embeds only
 * new or changed texts (embedding is the slow step at scale: about 300 texts/s on 2 cores). Texts
 * are keyed by their SHA-256, so the file holds no text. The file names its model and vector
 * length; a cache made by another model is refused rather than mixed in. It is rewritten
 * (to a temporary file, then moved into place) only when new texts were embedded.
 */
final class EmbeddingCache implements Embedder {

	private static final String MAGIC = "guildhall-embeddings";

	private static final int VERSION = 1;

	/** Most entries a cache file may declare (guards against a corrupt count). */
	private static final int MAX_ENTRIES = 20_000_000;

	private final Path file;
	private final String model;
	private final int dimensions;
	private final Embedder delegate;
	private final Map<Key, float[]> vectors;
	private int fromCache;
	private int embedded;

	private EmbeddingCache(Path file, String model, int dimensions, Embedder delegate, Map<Key, float[]> vectors) {
		this.file = file;
		this.model = model;
		this.dimensions = dimensions;
		this.delegate = delegate;
		this.vectors = vectors;
	}

	/**
	 * Opens the cache file (a missing file is an empty cache).
	 *
	 * @throws InvalidProblemException when the file is not a cache of this model, is damaged, or
	 *         its folder does not exist
	 */
	static EmbeddingCache open(Path file, String model, int dimensions, Embedder delegate) {
		Path parent = file.toAbsolutePath().getParent();
		if (parent == null || !Files.isDirectory(parent)) {
			throw new InvalidProblemException("--embedding-cache: folder '" + parent + "' does not exist");
		}
		Map<Key, float[]> vectors = new HashMap<>();
		if (Files.exists(file)) {
			if (!Files.isRegularFile(file)) {
				throw new InvalidProblemException("--embedding-cache: '" + file + "' is not a file");
			}
			try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
				String magic = in.readUTF();
				if (!magic.equals(MAGIC)) {
					throw new IOException("not an embedding cache");
				}
				int version = in.readInt();
				String fileModel = in.readUTF();
				int fileDimensions = in.readInt();
				if (version != VERSION || !fileModel.equals(model) || fileDimensions != dimensions) {
					throw new InvalidProblemException("--embedding-cache: '" + file + "' holds vectors of " + fileModel
							+ " (" + fileDimensions + " dimensions, format " + version + "), not of " + model + " ("
							+ dimensions + " dimensions, format " + VERSION + "); use another file");
				}
				int count = in.readInt();
				if (count < 0 || count > MAX_ENTRIES) {
					throw new IOException("bad entry count " + count);
				}
				for (int k = 0; k < count; k++) {
					byte[] digest = new byte[32];
					in.readFully(digest);
					float[] vector = new float[dimensions];
					for (int d = 0; d < dimensions; d++) {
						vector[d] = in.readFloat();
					}
					vectors.put(new Key(digest), vector);
				}
				if (in.read() != -1) {
					throw new IOException("trailing bytes");
				}
			}
			catch (EOFException e) {
				throw damaged(file, "it ends too early");
			}
			catch (IOException | RuntimeException e) {
				if (e instanceof InvalidProblemException invalid) {
					throw invalid;
				}
				throw damaged(file, e.getMessage());
			}
		}
		return new EmbeddingCache(file, model, dimensions, delegate, vectors);
	}

	private static InvalidProblemException damaged(Path file, String why) {
		return new InvalidProblemException("--embedding-cache: '" + file + "' is not a readable embedding cache ("
				+ why + "); delete it to start a new one");
	}

	@Override
	public float[][] embed(List<String> texts, Progress progress) {
		Map<Key, String> missing = new LinkedHashMap<>();
		Key[] keys = new Key[texts.size()];
		for (int k = 0; k < keys.length; k++) {
			String text = texts.get(k);
			keys[k] = Key.of(text);
			if (vectors.containsKey(keys[k])) {
				continue;
			}
			missing.putIfAbsent(keys[k], text);
		}
		fromCache = 0;
		for (Key key : keys) {
			fromCache += vectors.containsKey(key) ? 1 : 0;
		}
		List<String> todo = new ArrayList<>(missing.values());
		embedded = todo.size();
		if (!todo.isEmpty()) {
			float[][] fresh = delegate.embed(todo, progress);
			int k = 0;
			for (Key key : missing.keySet()) {
				vectors.put(key, fresh[k++]);
			}
		}
		float[][] out = new float[keys.length][];
		for (int k = 0; k < keys.length; k++) {
			out[k] = vectors.get(keys[k]);
		}
		return out;
	}

	/** Texts of the last {@link #embed} call found in the cache. */
	int fromCache() {
		return fromCache;
	}

	/** Distinct texts the last {@link #embed} call had to embed. */
	int embedded() {
		return embedded;
	}

	/** Writes the cache back when texts were added; the old file stays intact until the move. */
	void save() throws IOException {
		if (embedded == 0) {
			return;
		}
		Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".embeddings-", ".tmp");
		try {
			try (DataOutputStream out = new DataOutputStream(
					new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
				out.writeUTF(MAGIC);
				out.writeInt(VERSION);
				out.writeUTF(model);
				out.writeInt(dimensions);
				out.writeInt(vectors.size());
				for (Map.Entry<Key, float[]> entry : vectors.entrySet()) {
					out.write(entry.getKey().digest);
					for (float x : entry.getValue()) {
						out.writeFloat(x);
					}
				}
			}
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** A text's SHA-256 (UTF-8). */
	private record Key(byte[] digest) {

		static Key of(String text) {
			try {
				return new Key(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException("SHA-256 is missing from this JVM", e);
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && java.util.Arrays.equals(digest, key.digest);
		}

		@Override
		public int hashCode() {
			return java.util.Arrays.hashCode(digest);
		}
	}
}
