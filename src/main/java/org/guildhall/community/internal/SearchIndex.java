package org.guildhall.community.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.guildhall.community.IndexStatus;
import org.guildhall.community.SearchHit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A Lucene index of people and live posts: full text (BM25) and, for semantic search, a sentence
 * embedding per document in an HNSW vector field (posts: title and body; people: their expertise,
 * that is skills, title and bio). Kept in memory unless {@code guildhall.community.index.path}
 * names a folder. Each node keeps its own index: it is rebuilt from the database at start-up and on
 * request (with progress), and kept current by the community's and the people module's events.
 * A rebuild first recomputes the expert finder's evidence ({@link ExpertiseStore}), which is
 * derived from the same data (progress shows 0% meanwhile).
 * Vectors come from {@link Vectors}: known ones (by text hash) are added at once, the others when
 * the background worker has embedded them, so keyword search works from the first moment.
 */
@Component
public class SearchIndex {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
	private static final int BATCH = 500;
	private static final int READ_AHEAD = 3;
	private static final int EXCERPT = 240;
	private static final Map<String, Float> WEIGHTS = Map.of("title", 3f, "topics", 2f, "body", 1f);

	/**
	 * A match with what a caller needs to show or rank it. {@code score} is BM25 for keyword hits
	 * and the cosine similarity for semantic ones; {@code fields} names where the words matched.
	 */
	public record Hit(SearchHit.Type type, long id, String title, String excerpt, @Nullable Long authorId,
			@Nullable Long questionId, float score, List<String> fields) {
	}

	/**
	 * A match without its stored text, read from doc values only (no stored-field decompression):
	 * what the expert finder needs to weigh evidence. {@code authorId} is null for people.
	 */
	public record Match(SearchHit.Type type, long id, @Nullable Long authorId, float score) {
	}

	private static final String VECTOR = "vector";
	private static final String KIND_VALUE = "kind_dv";
	private static final String ID_VALUE = "id_dv";
	private static final String AUTHOR_VALUE = "author_dv";
	private static final SearchHit.Type[] TYPES = SearchHit.Type.values();

	private final JdbcClient jdbc;
	private final MarkdownRenderer markdown;
	private final Vectors vectors;
	private final ExpertiseStore expertise;
	private final Analyzer analyzer = new EnglishAnalyzer();
	private final Directory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;
	private final boolean persistent;
	private final ReentrantLock lock = new ReentrantLock();
	private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "community-index-rebuild");
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicLong done = new AtomicLong();
	private final AtomicLong total = new AtomicLong();
	private volatile IndexStatus.State state = IndexStatus.State.EMPTY;
	private volatile @Nullable Instant startedAt;
	private volatile @Nullable Instant finishedAt;
	private volatile @Nullable String failure;
	private volatile boolean again;
	private final ExecutorService readers = Executors.newFixedThreadPool(2, r -> {
		Thread thread = new Thread(r, "community-index-read");
		thread.setDaemon(true);
		return thread;
	});
	/**
	 * While a rebuild runs: when each document was last written by an event (a stamp from
	 * {@link #stamps}). A rebuild batch read before that moment is older than the index and must not
	 * overwrite it.
	 */
	private final Map<String, Long> touched = new ConcurrentHashMap<>();
	private final AtomicLong stamps = new AtomicLong();

	/** Documents of one rebuild batch being read (key to document, null where it is to be removed). */
	private record Batch(Future<Map<String, @Nullable Document>> documents, long readAt, int size) {
	}

	SearchIndex(JdbcClient jdbc, MarkdownRenderer markdown, Vectors vectors, ExpertiseStore expertise,
			@Value("${guildhall.community.index.path:}") String path) throws IOException {
		this.jdbc = jdbc;
		this.expertise = expertise;
		this.markdown = markdown;
		this.vectors = vectors;
		vectors.onEmbedded(this::vectorsArrived);
		this.persistent = !path.isBlank();
		this.directory = persistent ? FSDirectory.open(Path.of(path)) : new ByteBuffersDirectory();
		// a larger buffer than the default 16 MB: fewer, larger segments during a rebuild
		this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
		this.searchers = new SearcherManager(writer, null);
	}

	@PreDestroy
	void close() throws IOException {
		rebuilder.shutdownNow();
		readers.shutdownNow();
		searchers.close();
		writer.close();
		directory.close();
	}

	public IndexStatus status() {
		return new IndexStatus(state, done.get(), total.get(), writer.getDocStats().numDocs, startedAt, finishedAt, failure,
				vectors.enabled(), withVectors(), vectors.waiting(), vectors.failure());
	}

	/** Documents that have a vector, i.e. that semantic search can find. */
	public long withVectors() {
		return withSearcher(searcher -> (long) searcher.count(new FieldExistsQuery(VECTOR)));
	}

	/** Documents still waiting for a vector; cheap, unlike {@link #status()}, which counts the index. */
	public int awaitingVectors() {
		return vectors.waiting();
	}

	/** Why semantic search is off, if it failed. */
	public @Nullable String semanticFailure() {
		return vectors.failure();
	}

	/** Whether semantic search is on (the model loads and nothing failed). */
	public boolean semanticEnabled() {
		return vectors.enabled();
	}

	/** The query's embedding, or null when semantic search is off. */
	public float @Nullable [] embedQuery(String text) {
		return vectors.query(text);
	}

	private void vectorsArrived(List<String> keys) {
		List<Long> posts = new ArrayList<>();
		List<Long> people = new ArrayList<>();
		for (String key : keys) {
			if (key.startsWith("post:")) {
				posts.add(Long.parseLong(key.substring(5)));
			}
			else if (key.startsWith("person:")) {
				people.add(Long.parseLong(key.substring(7)));
			}
		}
		withLock(() -> {
			writePosts(posts, false);
			writePeople(people, false);
			publish();
		});
	}

	/** Starts a rebuild from the database in the background unless one is running; returns the status. */
	public IndexStatus startRebuild() {
		lock.lock();
		try {
			if (state != IndexStatus.State.REBUILDING) {
				state = IndexStatus.State.REBUILDING;
				done.set(0);
				total.set(0);
				startedAt = Instant.now();
				finishedAt = null;
				failure = null;
				rebuilder.submit(this::rebuild);
			}
			else {
				// data changed while a rebuild runs: go once more when it ends, so nothing is missed
				again = true;
			}
			return status();
		}
		finally {
			lock.unlock();
		}
	}

	private void rebuild() {
		try {
			// the expert finder's evidence is derived from the same data: rebuilt with the index
			expertise.recomputeAll();
			long posts = jdbc.sql("SELECT COUNT(*) FROM community_post WHERE deleted_at IS NULL").query(Long.class).single();
			long people = jdbc.sql("SELECT COUNT(*) FROM person WHERE active = TRUE").query(Long.class).single();
			total.set(posts + people);
			vectors.forgetAll();
			withLock(() -> {
				touched.clear();
				writer.deleteAll();
			});
			// reading from the database and building documents runs on two threads a few batches
			// ahead; writing stays on this thread, in order, under the lock
			Deque<Batch> pending = new ArrayDeque<>();
			try {
				for (boolean ofPosts : new boolean[] {true, false}) {
					String next = ofPosts ? "SELECT id FROM community_post WHERE deleted_at IS NULL AND id > ? ORDER BY id LIMIT " + BATCH
							: "SELECT id FROM person WHERE active = TRUE AND id > ? ORDER BY id LIMIT " + BATCH;
					long after = 0;
					while (true) {
						List<Long> ids = jdbc.sql(next).param(after).query(Long.class).list();
						if (ids.isEmpty()) {
							break;
						}
						long readAt = stamps.get();
						pending.add(new Batch(readers.submit(() -> ofPosts ? readPosts(ids, true) : readPeople(ids, true)), readAt, ids.size()));
						if (pending.size() >= READ_AHEAD) {
							write(pending.poll());
						}
						after = ids.get(ids.size() - 1);
					}
				}
				while (!pending.isEmpty()) {
					write(pending.poll());
				}
			}
			finally {
				pending.forEach(batch -> batch.documents().cancel(true));
			}
			withLock(this::publish);
			finishedAt = Instant.now();
			lock.lock();
			try {
				touched.clear();
				if (again) {
					again = false;
					done.set(0);
					rebuilder.submit(this::rebuild);
					return;
				}
				state = IndexStatus.State.READY;
			}
			finally {
				lock.unlock();
			}
			log.info("Community search index rebuilt: {} documents in {} ms", writer.getDocStats().numDocs,
					finishedAt.toEpochMilli() - startedAt.toEpochMilli());
		}
		catch (RuntimeException e) {
			log.error("Rebuilding the community search index failed", e);
			failure = e.getMessage();
			finishedAt = Instant.now();
			state = IndexStatus.State.FAILED;
		}
	}

	/** Brings the given posts up to date: live ones are (re)indexed, deleted or missing ones removed. */
	public void refreshPosts(List<Long> ids) {
		withLock(() -> {
			writePosts(ids, true);
			publish();
		});
	}

	/** Brings the given people up to date: active ones are (re)indexed, others removed. */
	public void refreshPeople(List<Long> ids) {
		withLock(() -> {
			writePeople(ids, true);
			publish();
		});
	}

	/** Removes the answers of a question that was deleted. */
	public void refreshAnswersOf(long questionId) {
		refreshPosts(jdbc.sql("SELECT id FROM community_post WHERE question_id = ?").param(questionId).query(Long.class).list());
	}

	/**
	 * The best matches of a free-text query among the given kinds of document, best first. The hits
	 * do not say where the words matched ({@code fields} is empty): working that out costs a scorer
	 * per document, so callers ask {@link #explain} for the few hits they show.
	 */
	public List<Hit> search(String text, Set<SearchHit.Type> types, int limit) {
		Query query = tolerant(text);
		if (query == null) {
			return List.of();
		}
		Query filtered = new BooleanQuery.Builder().add(query, Occur.MUST).add(kinds(types), Occur.FILTER).build();
		return withSearcher(searcher -> {
			TopDocs top = searcher.search(filtered, limit);
			List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
			var stored = searcher.storedFields();
			for (ScoreDoc doc : top.scoreDocs) {
				hits.add(hit(stored.document(doc.doc), doc.score, List.of()));
			}
			return hits;
		});
	}

	/**
	 * The same hits, each with the fields ({@code title}, {@code topics}, {@code body}) in which the
	 * words of {@code text} match it. A hit whose document left the index meanwhile keeps no fields.
	 */
	public List<Hit> explain(String text, List<Hit> hits) {
		Query query = tolerant(text);
		if (query == null || hits.isEmpty()) {
			return hits;
		}
		return withSearcher(searcher -> {
			Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
			List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
			List<Hit> explained = new ArrayList<>(hits.size());
			for (Hit hit : hits) {
				BytesRef key = new BytesRef((hit.type() == SearchHit.Type.PERSON ? "person:" : "post:") + hit.id());
				List<String> fields = new ArrayList<>();
				for (LeafReaderContext leaf : leaves) {
					int doc = liveDoc(leaf, key);
					if (doc != DocIdSetIterator.NO_MORE_DOCS) {
						Matches matches = weight.matches(leaf, doc);
						if (matches != null) {
							matches.forEach(fields::add);
						}
						break;
					}
				}
				explained.add(new Hit(hit.type(), hit.id(), hit.title(), hit.excerpt(), hit.authorId(), hit.questionId(),
						hit.score(), List.copyOf(fields)));
			}
			return explained;
		});
	}

	/**
	 * The words of {@code text}, as written, that a person's profile matches (at most {@code max}, in
	 * the order of {@code text}): each word is searched on its own, stemmed as the index is, so that
	 * a reason can name the words instead of quoting a whole question.
	 */
	public List<String> profileWordsMatching(String text, long personId, int max) {
		BytesRef key = new BytesRef("person:" + personId);
		java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
		for (String word : text.split("[^\\p{L}\\p{N}+#.-]+")) {
			String clean = word.replaceAll("^[.\\-]+|[.\\-]+$", "");
			if (!clean.isEmpty()) {
				words.add(clean);
			}
		}
		return withSearcher(searcher -> {
			List<String> found = new ArrayList<>();
			for (String word : words) {
				Query query = parse(word);
				if (query == null || found.size() >= max) {
					continue;
				}
				Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
				for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
					int doc = liveDoc(leaf, key);
					if (doc != DocIdSetIterator.NO_MORE_DOCS) {
						if (weight.matches(leaf, doc) != null) {
							found.add(word);
						}
						break;
					}
				}
			}
			return found;
		});
	}

	/** The live document of the leaf with this key (leaf-local id), or NO_MORE_DOCS. */
	private static int liveDoc(LeafReaderContext leaf, BytesRef key) throws IOException {
		Terms terms = leaf.reader().terms("key");
		if (terms == null) {
			return DocIdSetIterator.NO_MORE_DOCS;
		}
		TermsEnum te = terms.iterator();
		if (!te.seekExact(key)) {
			return DocIdSetIterator.NO_MORE_DOCS;
		}
		Bits live = leaf.reader().getLiveDocs();
		PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
		for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
			if (live == null || live.get(doc)) {
				return doc;
			}
		}
		return DocIdSetIterator.NO_MORE_DOCS;
	}

	private static Query kinds(Set<SearchHit.Type> types) {
		BooleanQuery.Builder kinds = new BooleanQuery.Builder();
		types.forEach(t -> kinds.add(new TermQuery(new Term("type", t.name())), Occur.SHOULD));
		return kinds.build();
	}

	private @Nullable Query parse(String text) {
		return new SimpleQueryParser(analyzer, WEIGHTS).parse(text);
	}

	/** Operators of the query syntax: a query that uses them means exactly what it says. */
	private static final java.util.regex.Pattern OPERATORS = java.util.regex.Pattern.compile("[+|\"*()~]|(^|\\s)-");

	/**
	 * The query of {@code text} that also finds words one or two letters off ("kuberentes",
	 * "upgardes"): each word as the index stores it (stemmed), when it has five letters or more,
	 * matches indexed words within one edit (two from eight letters), scoring below an exact match.
	 * Short words and queries with operators are taken as written.
	 */
	private @Nullable Query tolerant(String text) {
		Query exact = parse(text);
		if (exact == null || OPERATORS.matcher(text).find()) {
			return exact;
		}
		BooleanQuery.Builder either = new BooleanQuery.Builder().add(exact, Occur.SHOULD);
		boolean fuzzy = false;
		try (var tokens = analyzer.tokenStream("body", text)) {
			var term = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				String word = term.toString();
				if (word.length() < 5) {
					continue;
				}
				int edits = word.length() >= 8 ? 2 : 1;
				for (Map.Entry<String, Float> field : WEIGHTS.entrySet()) {
					either.add(new org.apache.lucene.search.BoostQuery(
							new org.apache.lucene.search.FuzzyQuery(new Term(field.getKey(), word), edits, 1), field.getValue() / 2),
							Occur.SHOULD);
				}
				fuzzy = true;
			}
			tokens.end();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return fuzzy ? either.build() : exact;
	}

	/**
	 * The documents of the given kinds whose vectors are nearest to {@code vector} (approximate,
	 * HNSW), best first, keeping only those with a cosine similarity of at least {@code minSimilarity};
	 * the hit's score is that similarity.
	 */
	public List<Hit> similar(float[] vector, Set<SearchHit.Type> types, int limit, float minSimilarity) {
		Query knn = new KnnFloatVectorQuery(VECTOR, vector, limit, kinds(types));
		return withSearcher(searcher -> {
			TopDocs top = searcher.search(knn, limit);
			List<Hit> hits = new ArrayList<>();
			var stored = searcher.storedFields();
			for (ScoreDoc doc : top.scoreDocs) {
				float cosine = cosine(doc.score);
				if (cosine >= minSimilarity) {
					hits.add(hit(stored.document(doc.doc), cosine, List.of()));
				}
			}
			return hits;
		});
	}

	/** Lucene scores a dot product d of unit vectors as (1 + d) / 2. */
	private static float cosine(float score) {
		return 2 * score - 1;
	}

	/** Like {@link #search}, but only kind, id, author and score, read from doc values. */
	public List<Match> matches(String text, Set<SearchHit.Type> types, int limit) {
		Query query = parse(text);
		if (query == null) {
			return List.of();
		}
		Query filtered = new BooleanQuery.Builder().add(query, Occur.MUST).add(kinds(types), Occur.FILTER).build();
		return withSearcher(searcher -> matches(searcher, searcher.search(filtered, limit).scoreDocs, 0));
	}

	/** Like {@link #similar}, but only kind, id, author and similarity, read from doc values. */
	public List<Match> nearest(float[] vector, Set<SearchHit.Type> types, int limit, float minSimilarity) {
		Query knn = new KnnFloatVectorQuery(VECTOR, vector, limit, kinds(types));
		return withSearcher(searcher -> {
			ScoreDoc[] top = searcher.search(knn, limit).scoreDocs;
			for (ScoreDoc doc : top) {
				doc.score = cosine(doc.score);
			}
			return matches(searcher, top, minSimilarity);
		});
	}

	/** The matches of these documents in score order, those scoring below {@code minScore} left out. */
	private static List<Match> matches(IndexSearcher searcher, ScoreDoc[] top, float minScore) throws IOException {
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		// doc values are read forwards: visit the documents in index order, then put them back in score order
		Integer[] order = new Integer[top.length];
		for (int i = 0; i < top.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> top[i].doc));
		Match[] found = new Match[top.length];
		int leafIndex = -1;
		NumericDocValues kinds = null;
		NumericDocValues ids = null;
		NumericDocValues authors = null;
		var stored = searcher.storedFields();
		for (int i : order) {
			ScoreDoc doc = top[i];
			if (doc.score < minScore) {
				continue;
			}
			int leaf = ReaderUtil.subIndex(doc.doc, leaves);
			if (leaf != leafIndex) {
				leafIndex = leaf;
				LeafReader reader = leaves.get(leaf).reader();
				kinds = reader.getNumericDocValues(KIND_VALUE);
				ids = reader.getNumericDocValues(ID_VALUE);
				authors = reader.getNumericDocValues(AUTHOR_VALUE);
			}
			int local = doc.doc - leaves.get(leaf).docBase;
			if (kinds != null && ids != null && authors != null && kinds.advanceExact(local) && ids.advanceExact(local)
					&& authors.advanceExact(local)) {
				SearchHit.Type type = TYPES[(int) kinds.longValue()];
				found[i] = new Match(type, ids.longValue(), type == SearchHit.Type.PERSON ? null : authors.longValue(), doc.score);
			}
			else {
				// written before doc values existed (an index kept on disk by an older version)
				Hit hit = hit(stored.document(doc.doc), doc.score, List.of());
				found[i] = new Match(hit.type(), hit.id(), hit.authorId(), doc.score);
			}
		}
		List<Match> result = new ArrayList<>(top.length);
		for (Match match : found) {
			if (match != null) {
				result.add(match);
			}
		}
		return result;
	}

	private static void addEvidenceValues(Document doc, SearchHit.Type type, long id, long authorId) {
		doc.add(new NumericDocValuesField(KIND_VALUE, type.ordinal()));
		doc.add(new NumericDocValuesField(ID_VALUE, id));
		doc.add(new NumericDocValuesField(AUTHOR_VALUE, authorId));
	}

	private interface SearcherWork<T> {
		T run(IndexSearcher searcher) throws IOException;
	}

	private <T> T withSearcher(SearcherWork<T> work) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return work.run(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Hit hit(Document d, float score, List<String> fields) {
		return new Hit(SearchHit.Type.valueOf(d.get("type")), Long.parseLong(d.get("id")), d.get("title"), d.get("excerpt"),
				longOrNull(d.get("author")), longOrNull(d.get("question")), score, fields);
	}

	private void addVectors(Map<Long, Document> docs, Map<Long, String> texts, String prefix, boolean queueMissing) {
		Map<String, String> byKey = new HashMap<>();
		texts.forEach((id, text) -> {
			if (docs.containsKey(id) && !text.isBlank()) {
				byKey.put(prefix + id, text);
			}
		});
		Map<String, float[]> found = vectors.lookUp(byKey, queueMissing);
		found.forEach((key, vector) -> docs.get(Long.parseLong(key.substring(prefix.length())))
			.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT)));
	}

	private void writePosts(List<Long> ids, boolean queueMissing) throws IOException {
		write(readPosts(ids, queueMissing), -1);
	}

	private void writePeople(List<Long> ids, boolean queueMissing) throws IOException {
		write(readPeople(ids, queueMissing), -1);
	}

	private void write(Batch batch) {
		Map<String, @Nullable Document> documents;
		try {
			documents = batch.documents().get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while rebuilding the index", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		withLock(() -> write(documents, batch.readAt()));
		done.addAndGet(batch.size());
	}

	/**
	 * Writes documents (removes those mapped to null). {@code readAt} is the stamp taken before a
	 * rebuild batch was read, or -1 for a change from an event, which always wins. Call under the lock.
	 */
	private void write(Map<String, @Nullable Document> documents, long readAt) throws IOException {
		for (Map.Entry<String, @Nullable Document> entry : documents.entrySet()) {
			String key = entry.getKey();
			if (readAt < 0) {
				if (state == IndexStatus.State.REBUILDING) {
					touched.put(key, stamps.incrementAndGet());
				}
			}
			else if (touched.getOrDefault(key, Long.MIN_VALUE) > readAt) {
				continue;
			}
			Term term = new Term("key", key);
			Document doc = entry.getValue();
			if (doc == null) {
				writer.deleteDocuments(term);
			}
			else {
				writer.updateDocument(term, doc);
			}
		}
	}

	private Map<String, @Nullable Document> readPosts(List<Long> ids, boolean queueMissing) {
		Map<String, @Nullable Document> documents = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return documents;
		}
		Map<Long, String> topics = new HashMap<>();
		jdbc.sql("SELECT t.post_id, s.name FROM community_post_topic t JOIN skill s ON s.id = t.skill_id WHERE t.post_id IN (:ids)")
			.param("ids", ids).query(rs -> {
				topics.merge(rs.getLong(1), rs.getString(2), (a, b) -> a + " " + b);
			});
		Map<Long, Document> live = new HashMap<>();
		Map<Long, String> meaning = new HashMap<>();
		jdbc.sql("""
				SELECT p.id, p.kind, p.question_id, p.author_id, COALESCE(p.title, q.title) AS title, p.body, p.question_id AS q
				FROM community_post p LEFT JOIN community_post q ON q.id = p.question_id
				WHERE p.id IN (:ids) AND p.deleted_at IS NULL AND q.deleted_at IS NULL""")
			.param("ids", ids)
			.query(rs -> {
				long id = rs.getLong("id");
				long question = rs.getLong("question_id");
				boolean answer = !rs.wasNull();
				Document doc = new Document();
				doc.add(new StringField("key", "post:" + id, Field.Store.NO));
				doc.add(new StringField("type", rs.getString("kind"), Field.Store.YES));
				doc.add(new StoredField("id", String.valueOf(id)));
				doc.add(new StoredField("author", String.valueOf(rs.getLong("author_id"))));
				addEvidenceValues(doc, SearchHit.Type.valueOf(rs.getString("kind")), id, rs.getLong("author_id"));
				if (answer) {
					doc.add(new StoredField("question", String.valueOf(question)));
				}
				String title = rs.getString("title");
				doc.add(new TextField("title", answer ? "" : title, Field.Store.NO));
				doc.add(new StoredField("title", answer ? "Answer to: " + title : title));
				doc.add(new TextField("body", rs.getString("body"), Field.Store.NO));
				doc.add(new StoredField("excerpt", markdown.excerpt(rs.getString("body"), EXCERPT)));
				doc.add(new TextField("topics", topics.getOrDefault(answer ? question : id, ""), Field.Store.NO));
				live.put(id, doc);
				meaning.put(id, Vectors.clip(nonNull(title) + "\n" + rs.getString("body")));
			});
		// answers take the topics of their question
		addQuestionTopics(live);
		addVectors(live, meaning, "post:", queueMissing);
		ids.forEach(id -> documents.put("post:" + id, live.get(id)));
		return documents;
	}

	private void addQuestionTopics(Map<Long, Document> docs) {
		List<Long> questions = docs.values().stream().map(d -> d.get("question")).filter(q -> q != null)
			.map(Long::parseLong).distinct().toList();
		if (questions.isEmpty()) {
			return;
		}
		Map<Long, String> topics = new HashMap<>();
		jdbc.sql("SELECT t.post_id, s.name FROM community_post_topic t JOIN skill s ON s.id = t.skill_id WHERE t.post_id IN (:ids)")
			.param("ids", questions).query(rs -> {
				topics.merge(rs.getLong(1), rs.getString(2), (a, b) -> a + " " + b);
			});
		for (Document doc : docs.values()) {
			String question = doc.get("question");
			if (question != null) {
				doc.removeFields("topics");
				doc.add(new TextField("topics", topics.getOrDefault(Long.parseLong(question), ""), Field.Store.NO));
			}
		}
	}

	private Map<String, @Nullable Document> readPeople(List<Long> ids, boolean queueMissing) {
		Map<String, @Nullable Document> documents = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return documents;
		}
		Map<Long, StringBuilder> skills = new HashMap<>();
		jdbc.sql("SELECT ps.person_id, s.name FROM person_skill ps JOIN skill s ON s.id = ps.skill_id WHERE ps.person_id IN (:ids)")
			.param("ids", ids).query(rs -> {
				skills.computeIfAbsent(rs.getLong(1), k -> new StringBuilder()).append(rs.getString(2)).append(' ');
			});
		Map<Long, StringBuilder> goals = new HashMap<>();
		jdbc.sql("SELECT person_id, text FROM learning_goal WHERE person_id IN (:ids)").param("ids", ids).query(rs -> {
			goals.computeIfAbsent(rs.getLong(1), k -> new StringBuilder()).append(rs.getString(2)).append('\n');
		});
		Map<Long, Document> live = new HashMap<>();
		Map<Long, String> expertise = new HashMap<>();
		jdbc.sql("SELECT id, full_name, title, department, bio FROM person WHERE id IN (:ids) AND active = TRUE")
			.param("ids", ids)
			.query(rs -> {
				long id = rs.getLong("id");
				String title = rs.getString("title");
				String department = rs.getString("department");
				String bio = rs.getString("bio");
				Document doc = new Document();
				doc.add(new StringField("key", "person:" + id, Field.Store.NO));
				doc.add(new StringField("type", SearchHit.Type.PERSON.name(), Field.Store.YES));
				doc.add(new StoredField("id", String.valueOf(id)));
				addEvidenceValues(doc, SearchHit.Type.PERSON, id, 0);
				doc.add(new StoredField("title", rs.getString("full_name")));
				doc.add(new TextField("title", rs.getString("full_name") + " " + nonNull(title), Field.Store.NO));
				doc.add(new TextField("topics", skills.getOrDefault(id, new StringBuilder()).toString(), Field.Store.NO));
				doc.add(new TextField("body", nonNull(department) + "\n" + nonNull(bio) + "\n" + goals.getOrDefault(id, new StringBuilder()),
						Field.Store.NO));
				doc.add(new StoredField("excerpt", String.join(" · ", java.util.stream.Stream.of(title, department)
					.filter(s -> s != null && !s.isBlank()).toList())));
				live.put(id, doc);
				String skillNames = skills.getOrDefault(id, new StringBuilder()).toString().strip();
				if (!skillNames.isEmpty() || !nonNull(bio).isBlank()) {
					expertise.put(id, Vectors.clip(skillNames + "\n" + nonNull(title) + "\n" + nonNull(bio)));
				}
			});
		addVectors(live, expertise, "person:", queueMissing);
		ids.forEach(id -> documents.put("person:" + id, live.get(id)));
		return documents;
	}

	private void publish() throws IOException {
		if (persistent) {
			writer.commit();
		}
		searchers.maybeRefreshBlocking();
	}

	private interface IndexWork {
		void run() throws IOException;
	}

	private void withLock(IndexWork work) {
		lock.lock();
		try {
			work.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			lock.unlock();
		}
	}

	private static String nonNull(@Nullable String text) {
		return text == null ? "" : text;
	}

	private static @Nullable Long longOrNull(@Nullable String text) {
		return text == null ? null : Long.valueOf(text);
	}
}
