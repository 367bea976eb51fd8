package org.guildhall.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;

/**
 * Closest skill names to a misspelt one ("Kuberentes" → Kubernetes, "negociation" → Negotiation),
 * with Lucene's fuzzy query (Levenshtein automata, a transposition counting as one edit) over an
 * in-memory index of every approved name and alias key. The index is rebuilt when the taxonomy
 * changes (its fingerprint differs) and at most once a minute otherwise.
 */
final class SkillSpelling {

	private static final Duration MAX_AGE = Duration.ofMinutes(1);
	private static final String KEY = "key";
	private static final String NAME = "name";

	private record Snapshot(String fingerprint, Instant builtAt, IndexSearcher searcher) {
	}

	private volatile @Nullable Snapshot snapshot;

	/**
	 * The names closest to {@code key} (a {@link SkillCatalog#key}), best first, at most {@code max}.
	 * Short keys allow fewer wrong letters: none below 4 characters, one below 8, two from 8 on.
	 */
	List<String> closest(String key, int max, String fingerprint, java.util.function.Supplier<Map<String, String>> namesByKey) {
		int edits = key.length() < 4 ? 0 : key.length() < 8 ? 1 : 2;
		if (edits == 0 || max < 1) {
			return List.of();
		}
		IndexSearcher searcher = searcher(fingerprint, namesByKey);
		try {
			FuzzyQuery query = new FuzzyQuery(new Term(KEY, key), edits, 0, 50, true);
			Set<String> names = new LinkedHashSet<>();
			for (ScoreDoc hit : searcher.search(query, max * 4).scoreDocs) {
				names.add(searcher.storedFields().document(hit.doc).get(NAME));
				if (names.size() == max) {
					break;
				}
			}
			return new ArrayList<>(names);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private IndexSearcher searcher(String fingerprint, java.util.function.Supplier<Map<String, String>> namesByKey) {
		Snapshot current = snapshot;
		Instant now = Instant.now();
		if (current != null && current.fingerprint().equals(fingerprint) && current.builtAt().plus(MAX_AGE).isAfter(now)) {
			return current.searcher();
		}
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
			for (Map.Entry<String, String> entry : namesByKey.get().entrySet()) {
				Document doc = new Document();
				doc.add(new StringField(KEY, entry.getKey(), Field.Store.NO));
				doc.add(new StoredField(NAME, entry.getValue()));
				writer.addDocument(doc);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
			snapshot = new Snapshot(fingerprint, now, searcher);
			return searcher;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
