package org.guildhall.community.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
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
 * Vectors come from {@link Vectors}: known ones (by text hash) are added at once, the others when
 * the background worker has embedded them, so keyword search works from the first moment.
 */
@Component
public class SearchIndex {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
	private static final int BATCH = 500;
	private static final int EXCERPT = 240;
	private static final Map<String, Float> WEIGHTS = Map.of("title", 3f, "topics", 2f, "body", 1f);

	/**
	 * A match with what a caller needs to show or rank it. {@code score} is BM25 for keyword hits
	 * and the cosine similarity for semantic ones; {@code fields} names where the words matched.
	 */
	public record Hit(SearchHit.Type type, long id, String title, String excerpt, @Nullable Long authorId,
			@Nullable Long questionId, float score, List<String> fields) {
	}

	private static final String VECTOR = "vector";

	private final JdbcClient jdbc;
	private final MarkdownRenderer markdown;
	private final Vectors vectors;
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

	SearchIndex(JdbcClient jdbc, MarkdownRenderer markdown, Vectors vectors,
			@Value("${guildhall.community.index.path:}") String path) throws IOException {
		this.jdbc = jdbc;
		this.markdown = markdown;
		this.vectors = vectors;
		vectors.onEmbedded(this::vectorsArrived);
		this.persistent = !path.isBlank();
		this.directory = persistent ? FSDirectory.open(Path.of(path)) : new ByteBuffersDirectory();
		this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
		this.searchers = new SearcherManager(writer, null);
	}

	@PreDestroy
	void close() throws IOException {
		rebuilder.shutdownNow();
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
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return searcher.count(new FieldExistsQuery(VECTOR));
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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
			long posts = jdbc.sql("SELECT COUNT(*) FROM community_post WHERE deleted_at IS NULL").query(Long.class).single();
			long people = jdbc.sql("SELECT COUNT(*) FROM person WHERE active = TRUE").query(Long.class).single();
			total.set(posts + people);
			vectors.forgetAll();
			withLock(() -> writer.deleteAll());
			long after = 0;
			while (true) {
				long from = after;
				List<Long> ids = jdbc.sql("SELECT id FROM community_post WHERE deleted_at IS NULL AND id > ? ORDER BY id LIMIT " + BATCH)
					.param(from).query(Long.class).list();
				if (ids.isEmpty()) {
					break;
				}
				withLock(() -> writePosts(ids, true));
				done.addAndGet(ids.size());
				after = ids.get(ids.size() - 1);
			}
			after = 0;
			while (true) {
				long from = after;
				List<Long> ids = jdbc.sql("SELECT id FROM person WHERE active = TRUE AND id > ? ORDER BY id LIMIT " + BATCH)
					.param(from).query(Long.class).list();
				if (ids.isEmpty()) {
					break;
				}
				withLock(() -> writePeople(ids, true));
				done.addAndGet(ids.size());
				after = ids.get(ids.size() - 1);
			}
			withLock(this::publish);
			finishedAt = Instant.now();
			lock.lock();
			try {
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

	/** The best matches of a free-text query among the given kinds of document, best first. */
	public List<Hit> search(String text, Set<SearchHit.Type> types, int limit) {
		SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS);
		Query query = parser.parse(text);
		if (query == null) {
			return List.of();
		}
		BooleanQuery.Builder kinds = new BooleanQuery.Builder();
		types.forEach(t -> kinds.add(new TermQuery(new Term("type", t.name())), Occur.SHOULD));
		Query filtered = new BooleanQuery.Builder().add(query, Occur.MUST).add(kinds.build(), Occur.FILTER).build();
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				TopDocs top = searcher.search(filtered, limit);
				Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
				List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
				List<Hit> hits = new ArrayList<>();
				var stored = searcher.storedFields();
				for (ScoreDoc doc : top.scoreDocs) {
					LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc.doc, leaves));
					List<String> fields = new ArrayList<>();
					Matches matches = weight.matches(leaf, doc.doc - leaf.docBase);
					if (matches != null) {
						matches.forEach(fields::add);
					}
					hits.add(hit(stored.document(doc.doc), doc.score, fields));
				}
				return hits;
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The documents of the given kinds whose vectors are nearest to {@code vector} (approximate,
	 * HNSW), best first, keeping only those with a cosine similarity of at least {@code minSimilarity};
	 * the hit's score is that similarity.
	 */
	public List<Hit> similar(float[] vector, Set<SearchHit.Type> types, int limit, float minSimilarity) {
		BooleanQuery.Builder kinds = new BooleanQuery.Builder();
		types.forEach(t -> kinds.add(new TermQuery(new Term("type", t.name())), Occur.SHOULD));
		Query knn = new KnnFloatVectorQuery(VECTOR, vector, limit, kinds.build());
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				TopDocs top = searcher.search(knn, limit);
				List<Hit> hits = new ArrayList<>();
				var stored = searcher.storedFields();
				for (ScoreDoc doc : top.scoreDocs) {
					// for unit vectors Lucene scores a dot product d as (1 + d) / 2
					float cosine = 2 * doc.score - 1;
					if (cosine >= minSimilarity) {
						hits.add(hit(stored.document(doc.doc), cosine, List.of()));
					}
				}
				return hits;
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
		if (ids.isEmpty()) {
			return;
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
		for (long id : ids) {
			Term key = new Term("key", "post:" + id);
			Document doc = live.get(id);
			if (doc == null) {
				writer.deleteDocuments(key);
			}
			else {
				writer.updateDocument(key, doc);
			}
		}
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

	private void writePeople(List<Long> ids, boolean queueMissing) throws IOException {
		if (ids.isEmpty()) {
			return;
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
		for (long id : ids) {
			Term key = new Term("key", "person:" + id);
			Document doc = live.get(id);
			if (doc == null) {
				writer.deleteDocuments(key);
			}
			else {
				writer.updateDocument(key, doc);
			}
		}
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
