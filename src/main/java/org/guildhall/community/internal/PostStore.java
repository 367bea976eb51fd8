package org.guildhall.community.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guildhall.community.Comment;
import org.guildhall.community.HiddenPost;
import org.guildhall.community.Post;
import org.guildhall.community.PostKind;
import org.guildhall.community.PostSummary;
import org.guildhall.community.Revision;
import org.guildhall.community.Topic;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.people.Skill;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SQL behind questions, answers and articles: one table of posts with topics, votes, comments
 * and revisions. Callers check permissions and input first; this class keeps the data consistent,
 * the expert finder's evidence ({@link ExpertiseStore}) included, in the same transaction.
 */
@Component
public class PostStore {

	private static final int EXCERPT = 240;

	private final JdbcClient jdbc;
	private final SkillCatalog skills;
	private final PeopleDirectory people;
	private final MarkdownRenderer markdown;
	private final TransactionTemplate transactions;
	private final ExpertiseStore expertise;

	PostStore(JdbcClient jdbc, SkillCatalog skills, PeopleDirectory people, MarkdownRenderer markdown,
			PlatformTransactionManager transactionManager, ExpertiseStore expertise) {
		this.jdbc = jdbc;
		this.expertise = expertise;
		this.skills = skills;
		this.people = people;
		this.markdown = markdown;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The stored facts of a post that permission checks and state changes need. */
	public record PostRow(long id, PostKind kind, @Nullable Long questionId, long authorId, @Nullable String title,
			String body, @Nullable Long acceptedAnswerId, boolean deleted, long version) {
	}

	/**
	 * Resolves topic names (or aliases) to approved skills of the taxonomy, naming each one that is
	 * unknown; duplicates collapse. Adds a problem when there are none or more than the limit.
	 */
	public List<Topic> resolveTopics(@Nullable List<String> names, boolean required, List<FieldProblem> problems) {
		List<String> given = names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).toList();
		if (given.isEmpty() && required) {
			problems.add(new FieldProblem("topics", "name at least one topic (a skill such as Java or Kubernetes)"));
			return List.of();
		}
		if (given.size() > Texts.MAX_TOPICS) {
			problems.add(new FieldProblem("topics", "at most " + Texts.MAX_TOPICS + " topics"));
			return List.of();
		}
		Map<Long, Topic> topics = new LinkedHashMap<>();
		for (int i = 0; i < given.size(); i++) {
			String name = given.get(i);
			if (name.length() > SkillCatalog.MAX_NAME_LENGTH) {
				problems.add(new FieldProblem("topics[" + i + "]", "must be at most " + SkillCatalog.MAX_NAME_LENGTH + " characters"));
				continue;
			}
			Optional<Skill> skill = skills.resolve(name).filter(s -> !s.suggested());
			if (skill.isEmpty()) {
				problems.add(new FieldProblem("topics[" + i + "]", "'" + name.strip() + "' is not a skill of the taxonomy"));
			}
			else {
				topics.putIfAbsent(skill.get().id(), new Topic(skill.get().id(), skill.get().name()));
			}
		}
		return List.copyOf(topics.values());
	}

	/** Stores a new post with its topics and its first revision; returns its id. */
	public long insert(PostKind kind, @Nullable Long questionId, long authorId, @Nullable String title, String body,
			boolean lessonLearned, List<Topic> topics) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO community_post (kind, question_id, author_id, title, body, lesson_learned)
				VALUES (:kind, :question, :author, :title, :body, :lesson)""")
			.param("kind", kind.name()).param("question", questionId).param("author", authorId).param("title", title)
			.param("body", body).param("lesson", lessonLearned)
			.update(keys, "id");
		long id = generatedId(keys);
		writeTopics(id, topics);
		writeRevision(id, 1, title, body, topics, authorId);
		if (kind != PostKind.QUESTION) {
			expertise.recompute(List.of(authorId));
		}
		return id;
	}

	/** Records the mentorship a lesson learned comes from. */
	public void linkMentorship(long postId, long mentorshipId) {
		jdbc.sql("UPDATE community_post SET mentorship_id = ? WHERE id = ?").params(mentorshipId, postId).update();
	}

	/** The mentorship a lesson learned comes from, if it names one. */
	public Optional<Long> mentorshipOf(long postId) {
		return jdbc.sql("SELECT mentorship_id FROM community_post WHERE id = ? AND mentorship_id IS NOT NULL").param(postId)
			.query(Long.class).optional();
	}

	static long generatedId(GeneratedKeyHolder keys) {
		Number key = keys.getKey();
		if (key == null) {
			throw new IllegalStateException("The database returned no generated id");
		}
		return key.longValue();
	}

	private void writeTopics(long postId, List<Topic> topics) {
		jdbc.sql("DELETE FROM community_post_topic WHERE post_id = ?").param(postId).update();
		for (Topic topic : topics) {
			jdbc.sql("INSERT INTO community_post_topic (post_id, skill_id) VALUES (?, ?)").params(postId, topic.skillId()).update();
		}
	}

	private void writeRevision(long postId, int revision, @Nullable String title, String body, List<Topic> topics,
			long editorId) {
		String names = String.join(", ", topics.stream().map(Topic::name).toList());
		jdbc.sql("INSERT INTO community_revision (post_id, revision, title, body, topics, edited_by) VALUES (?, ?, ?, ?, ?, ?)")
			.params(postId, revision, title, body, names, editorId).update();
	}

	public Optional<PostRow> find(long id) {
		return jdbc.sql("""
				SELECT id, kind, question_id, author_id, title, body, accepted_answer_id, deleted_at, version
				FROM community_post WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new PostRow(rs.getLong("id"), PostKind.valueOf(rs.getString("kind")),
					nullableLong(rs, "question_id"), rs.getLong("author_id"), rs.getString("title"), rs.getString("body"),
					nullableLong(rs, "accepted_answer_id"), rs.getObject("deleted_at") != null, rs.getLong("version")))
			.optional();
	}

	/**
	 * Applies an edit if nobody changed the post since {@code expectedVersion}, and keeps the new
	 * text as the next revision.
	 */
	public void edit(PostRow post, @Nullable String title, String body, @Nullable List<Topic> topics, long expectedVersion,
			long editorId, boolean byModerator) {
		int changed = jdbc.sql("""
				UPDATE community_post SET title = :title, body = :body, edited_at = CURRENT_TIMESTAMP, version = version + 1,
				       moderator_edited = :moderator
				WHERE id = :id AND version = :version AND deleted_at IS NULL""")
			.param("title", title).param("body", body).param("id", post.id()).param("version", expectedVersion)
			.param("moderator", byModerator).update();
		if (changed == 0) {
			throw new ConflictException("This post was changed by someone else since you opened it; reload and try again.");
		}
		List<Topic> kept = topics != null ? topics : topicsOf(List.of(post.id())).getOrDefault(post.id(), List.of());
		if (topics != null) {
			writeTopics(post.id(), topics);
		}
		int next = jdbc.sql("SELECT COALESCE(MAX(revision), 0) + 1 FROM community_revision WHERE post_id = ?")
			.param(post.id()).query(Integer.class).single();
		writeRevision(post.id(), next, title, body, kept, editorId);
		// the topics may have changed: the evidence moves from the old ones to the new ones
		switch (post.kind()) {
			case QUESTION -> expertise.recomputeAnswerersOf(post.id());
			case ARTICLE -> expertise.recompute(List.of(post.authorId()));
			case ANSWER -> {
			}
		}
	}

	public void softDelete(PostRow post, long accountId) {
		jdbc.sql("UPDATE community_post SET deleted_at = CURRENT_TIMESTAMP, deleted_by = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL")
			.params(accountId, post.id()).update();
		if (post.kind() == PostKind.ANSWER && post.questionId() != null) {
			jdbc.sql("UPDATE community_post SET answer_count = answer_count - 1 WHERE id = ?").param(post.questionId()).update();
			jdbc.sql("UPDATE community_post SET accepted_answer_id = NULL WHERE id = ? AND accepted_answer_id = ?")
				.params(post.questionId(), post.id()).update();
		}
		if (post.kind() == PostKind.QUESTION) {
			expertise.recomputeAnswerersOf(post.id());
		}
		else {
			expertise.recompute(List.of(post.authorId()));
		}
	}

	/**
	 * Hides a live post: it leaves every list, thread and search as a deleted post does (a hidden
	 * question takes its answers with it), but keeps its accepted answer and is marked as hidden, so
	 * that {@link #show} can bring it back. Returns false when it was not live.
	 */
	public boolean hide(PostRow post, String moderator, String reason) {
		int changed = jdbc.sql("""
				UPDATE community_post SET deleted_at = CURRENT_TIMESTAMP, hidden_reason = ?, hidden_by = ?, version = version + 1
				WHERE id = ? AND deleted_at IS NULL""")
			.params(reason, moderator, post.id()).update();
		if (changed == 0) {
			return false;
		}
		if (post.kind() == PostKind.ANSWER && post.questionId() != null) {
			jdbc.sql("UPDATE community_post SET answer_count = answer_count - 1 WHERE id = ?").param(post.questionId()).update();
		}
		recomputeExpertise(post);
		return true;
	}

	/** Shows a hidden post again, as it was. Returns false when the post is not hidden (deleted posts stay deleted). */
	public boolean show(long postId) {
		Optional<PostRow> post = find(postId);
		int changed = jdbc.sql("""
				UPDATE community_post SET deleted_at = NULL, deleted_by = NULL, hidden_reason = NULL, hidden_by = NULL,
				       version = version + 1
				WHERE id = ? AND deleted_at IS NOT NULL AND hidden_reason IS NOT NULL""")
			.param(postId).update();
		if (changed == 0 || post.isEmpty()) {
			return false;
		}
		if (post.get().kind() == PostKind.ANSWER && post.get().questionId() != null) {
			jdbc.sql("UPDATE community_post SET answer_count = answer_count + 1 WHERE id = ?").param(post.get().questionId()).update();
		}
		recomputeExpertise(post.get());
		return true;
	}

	/** The reason a post was hidden, if it is hidden. */
	public Optional<String> hiddenReason(long postId) {
		return jdbc.sql("SELECT hidden_reason FROM community_post WHERE id = ? AND deleted_at IS NOT NULL AND hidden_reason IS NOT NULL")
			.param(postId).query(String.class).optional();
	}

	/** Hidden posts, most recently hidden first (at most {@code limit}). */
	public List<HiddenPost> hidden(int limit) {
		record Row(long id, PostKind kind, @Nullable Long questionId, @Nullable String title, String body, long authorId,
				String reason, String hiddenBy, Instant at) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, kind, question_id, title, body, author_id, hidden_reason, hidden_by, deleted_at FROM community_post
				WHERE hidden_reason IS NOT NULL AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> new Row(rs.getLong("id"), PostKind.valueOf(rs.getString("kind")), nullableLong(rs, "question_id"),
					rs.getString("title"), rs.getString("body"), rs.getLong("author_id"), rs.getString("hidden_reason"),
					rs.getString("hidden_by"), instant(rs, "deleted_at")))
			.list();
		Map<Long, PersonRef> refs = people.refs(rows.stream().map(Row::authorId).collect(java.util.stream.Collectors.toSet()));
		return rows.stream().map(r -> new HiddenPost(r.id(), HiddenPost.Kind.valueOf(r.kind().name()), r.questionId(), r.title(),
				markdown.excerpt(r.body(), EXCERPT), ref(refs, r.authorId()), r.reason(), r.hiddenBy(), r.at())).toList();
	}

	/** A comment as moderation sees it: deleted (by its author or hidden) or not, and the reason when hidden. */
	public record CommentRow(long id, long postId, long authorId, String body, boolean deleted, @Nullable String hiddenReason,
			@Nullable Instant deletedAt) {
	}

	public Optional<CommentRow> findComment(long commentId) {
		return jdbc.sql("SELECT id, post_id, author_id, body, deleted_at, hidden_reason FROM community_comment WHERE id = ?")
			.param(commentId)
			.query((rs, n) -> new CommentRow(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("author_id"), rs.getString("body"),
					rs.getObject("deleted_at") != null, rs.getString("hidden_reason"), nullableInstant(rs, "deleted_at")))
			.optional();
	}

	/** Hides a live comment; false when it is already gone. */
	public boolean hideComment(long commentId, String moderator, String reason) {
		return jdbc.sql("""
				UPDATE community_comment SET deleted_at = CURRENT_TIMESTAMP, hidden_reason = ?, hidden_by = ?
				WHERE id = ? AND deleted_at IS NULL""").params(reason, moderator, commentId).update() == 1;
	}

	/** Shows a hidden comment again; false when it is not hidden (deleted comments stay deleted). */
	public boolean showComment(long commentId) {
		return jdbc.sql("""
				UPDATE community_comment SET deleted_at = NULL, hidden_reason = NULL, hidden_by = NULL
				WHERE id = ? AND deleted_at IS NOT NULL AND hidden_reason IS NOT NULL""").param(commentId).update() == 1;
	}

	/** Deletes a live comment for good (its author's choice); false when it is already gone. */
	public boolean deleteComment(long commentId) {
		return jdbc.sql("UPDATE community_comment SET deleted_at = CURRENT_TIMESTAMP WHERE id = ? AND deleted_at IS NULL")
			.param(commentId).update() == 1;
	}

	/** Hidden comments, most recently hidden first (at most {@code limit}), placed by the question or article they are under. */
	public List<HiddenPost> hiddenComments(int limit) {
		record Row(long id, @Nullable Long questionId, @Nullable String title, String body, long authorId,
				String reason, String hiddenBy, Instant at) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT c.id, COALESCE(p.question_id, p.id) AS question_id, COALESCE(q.title, p.title) AS title, c.body,
				       c.author_id, c.hidden_reason, c.hidden_by, c.deleted_at
				FROM community_comment c JOIN community_post p ON p.id = c.post_id LEFT JOIN community_post q ON q.id = p.question_id
				WHERE c.hidden_reason IS NOT NULL AND c.deleted_at IS NOT NULL ORDER BY c.deleted_at DESC, c.id DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> new Row(rs.getLong("id"), nullableLong(rs, "question_id"), rs.getString("title"),
					rs.getString("body"), rs.getLong("author_id"), rs.getString("hidden_reason"), rs.getString("hidden_by"),
					instant(rs, "deleted_at")))
			.list();
		Map<Long, PersonRef> refs = people.refs(rows.stream().map(Row::authorId).collect(java.util.stream.Collectors.toSet()));
		return rows.stream().map(r -> new HiddenPost(r.id(), HiddenPost.Kind.COMMENT, r.questionId(), r.title(), r.body(),
				ref(refs, r.authorId()), r.reason(), r.hiddenBy(), r.at())).toList();
	}

	private void recomputeExpertise(PostRow post) {
		if (post.kind() == PostKind.QUESTION) {
			expertise.recomputeAnswerersOf(post.id());
		}
		else {
			expertise.recompute(List.of(post.authorId()));
		}
	}

	public void countAnswer(long questionId) {
		jdbc.sql("UPDATE community_post SET answer_count = answer_count + 1 WHERE id = ?").param(questionId).update();
	}

	public void accept(long questionId, long answerId) {
		jdbc.sql("UPDATE community_post SET accepted_answer_id = ?, version = version + 1 WHERE id = ?")
			.params(answerId, questionId).update();
		// the answer accepted before, if any, counts as another answer now
		expertise.recomputeAnswerersOf(questionId);
	}

	/**
	 * Records a person's vote (+1, -1, or 0 to take it back) and adjusts the post's score by the
	 * difference. The primary key on (post, person) means that two concurrent first votes cannot both
	 * insert; the loser retries and finds the vote already there. Conditional updates keep the score
	 * in step with the vote rows. Returns the post's new score.
	 */
	public int vote(long postId, long voterId, int value) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> voteOnce(postId, voterId, value));
			}
			catch (DuplicateKeyException | ConcurrencyFailureException e) {
				if (attempt >= 5) {
					throw new ConflictException("Your vote clashed with another one; try again.");
				}
			}
		}
	}

	private int voteOnce(long postId, long voterId, int value) {
		Optional<Integer> old = jdbc.sql("SELECT direction FROM community_vote WHERE post_id = ? AND person_id = ?")
			.params(postId, voterId).query(Integer.class).optional();
		int delta = 0;
		if (value == 0) {
			if (old.isPresent() && jdbc.sql("DELETE FROM community_vote WHERE post_id = ? AND person_id = ? AND direction = ?")
				.params(postId, voterId, old.get()).update() == 1) {
				delta = -old.get();
			}
		}
		else if (old.isEmpty()) {
			jdbc.sql("INSERT INTO community_vote (post_id, person_id, direction) VALUES (?, ?, ?)").params(postId, voterId, value).update();
			delta = value;
		}
		else if (old.get() != value && jdbc.sql("UPDATE community_vote SET direction = ?, voted_at = CURRENT_TIMESTAMP WHERE post_id = ? AND person_id = ? AND direction = ?")
			.params(value, postId, voterId, old.get()).update() == 1) {
			delta = value - old.get();
		}
		if (delta != 0) {
			jdbc.sql("UPDATE community_post SET score = score + ? WHERE id = ?").params(delta, postId).update();
			expertise.recomputeAuthorOf(postId);
		}
		return jdbc.sql("SELECT score FROM community_post WHERE id = ?").param(postId).query(Integer.class).single();
	}

	public long addComment(long postId, long authorId, String body) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO community_comment (post_id, author_id, body) VALUES (:post, :author, :body)")
			.param("post", postId).param("author", authorId).param("body", body).update(keys, "id");
		return generatedId(keys);
	}

	/** The posts with these ids that are not deleted, in the given order, as the viewer sees them. */
	public List<Post> load(List<Long> ids, CurrentUser viewer) {
		if (ids.isEmpty()) {
			return List.of();
		}
		record Row(long id, PostKind kind, @Nullable Long questionId, long authorId, @Nullable String title, String body,
				boolean lesson, int score, boolean accepted, Instant createdAt, @Nullable Instant editedAt, long version,
				boolean byModerator) {
		}
		Map<Long, Row> rows = new HashMap<>();
		jdbc.sql("""
				SELECT p.id, p.kind, p.question_id, p.author_id, p.title, p.body, p.lesson_learned, p.score, p.created_at,
				       p.edited_at, p.version, p.moderator_edited, CASE WHEN q.accepted_answer_id = p.id THEN TRUE ELSE FALSE END AS accepted
				FROM community_post p LEFT JOIN community_post q ON q.id = p.question_id
				WHERE p.id IN (:ids) AND p.deleted_at IS NULL AND q.deleted_at IS NULL""")
			.param("ids", ids)
			.query((rs, n) -> new Row(rs.getLong("id"), PostKind.valueOf(rs.getString("kind")), nullableLong(rs, "question_id"),
					rs.getLong("author_id"), rs.getString("title"), rs.getString("body"), rs.getBoolean("lesson_learned"),
					rs.getInt("score"), rs.getBoolean("accepted"), instant(rs, "created_at"), nullableInstant(rs, "edited_at"),
					rs.getLong("version"), rs.getBoolean("moderator_edited")))
			.list().forEach(r -> rows.put(r.id(), r));
		List<Long> found = ids.stream().filter(rows::containsKey).toList();
		Map<Long, List<Topic>> topics = topicsOf(found);
		Map<Long, List<Comment>> comments = commentsOf(found, viewer);
		Map<Long, Integer> myVotes = viewer.personId() == null ? Map.of() : votesOf(found, viewer.personId());
		Set<Long> personIds = new HashSet<>();
		rows.values().forEach(r -> personIds.add(r.authorId()));
		Map<Long, PersonRef> refs = people.refs(personIds);
		return found.stream().map(rows::get).map(r -> new Post(r.id(), r.kind(), r.questionId(), r.title(), r.body(),
				markdown.toHtml(r.body()), ref(refs, r.authorId()), topics.getOrDefault(r.id(), List.of()), r.lesson(),
				r.score(), myVotes.getOrDefault(r.id(), 0), r.accepted(), r.createdAt(), r.editedAt(), r.version(),
				comments.getOrDefault(r.id(), List.of()), viewer.is(r.authorId()) || viewer.isAdmin(), r.byModerator()))
			.toList();
	}

	/** Ids of the live answers to a question: accepted first, then by score, then oldest first. */
	public List<Long> answerIds(long questionId) {
		return jdbc.sql("""
				SELECT a.id FROM community_post a JOIN community_post q ON q.id = a.question_id
				WHERE a.question_id = ? AND a.deleted_at IS NULL
				ORDER BY CASE WHEN q.accepted_answer_id = a.id THEN 0 ELSE 1 END, a.score DESC, a.id""")
			.param(questionId).query(Long.class).list();
	}

	/**
	 * A page of live questions or articles, newest first, optionally only those on a topic and
	 * containing every word of {@code text} in the title or body.
	 */
	public PageResult<PostSummary> summaries(PostKind kind, @Nullable String text, @Nullable Long topicId,
			@Nullable Long authorId, PageRequest page) {
		StringBuilder where = new StringBuilder(" WHERE p.kind = :kind AND p.deleted_at IS NULL");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("kind", kind.name());
		if (text != null) {
			List<String> words = words(text);
			for (int i = 0; i < words.size(); i++) {
				where.append(" AND (LOWER(p.title) LIKE :w").append(i).append(" ESCAPE '\\' OR LOWER(p.body) LIKE :w")
					.append(i).append(" ESCAPE '\\')");
				params.put("w" + i, "%" + escapeLike(words.get(i)) + "%");
			}
		}
		if (topicId != null) {
			where.append(" AND p.id IN (SELECT t.post_id FROM community_post_topic t WHERE t.skill_id = :topic)");
			params.put("topic", topicId);
		}
		if (authorId != null) {
			where.append(" AND p.author_id = :author");
			params.put("author", authorId);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM community_post p" + where).params(params).query(Long.class).single();
		if (total == 0 || page.offset() >= total) {
			return new PageResult<>(List.of(), page.page(), page.size(), total);
		}
		record Row(long id, String title, String body, long authorId, int score, int answers, boolean answered,
				boolean lesson, Instant createdAt) {
		}
		List<Row> rows = jdbc.sql("SELECT p.id, p.title, p.body, p.author_id, p.score, p.answer_count, p.accepted_answer_id,"
				+ " p.lesson_learned, p.created_at FROM community_post p" + where
				+ " ORDER BY p.created_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
			.params(params).param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
					rs.getInt(6), rs.getObject(7) != null, rs.getBoolean(8), instant(rs, "created_at")))
			.list();
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<Topic>> topics = topicsOf(ids);
		Map<Long, PersonRef> refs = people.refs(rows.stream().map(Row::authorId).collect(java.util.stream.Collectors.toSet()));
		List<PostSummary> items = rows.stream().map(r -> new PostSummary(r.id(), kind, r.title(),
				markdown.excerpt(r.body(), EXCERPT), ref(refs, r.authorId()), topics.getOrDefault(r.id(), List.of()),
				r.score(), r.answers(), r.answered(), r.lesson(), r.createdAt())).toList();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	public List<Revision> revisions(long postId) {
		record Row(int revision, @Nullable String title, String body, String topics, long editor, Instant at) {
		}
		List<Row> rows = jdbc.sql("SELECT revision, title, body, topics, edited_by, edited_at FROM community_revision WHERE post_id = ? ORDER BY revision DESC")
			.param(postId)
			.query((rs, n) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
					instant(rs, "edited_at")))
			.list();
		Map<Long, PersonRef> refs = people.refs(rows.stream().map(Row::editor).collect(java.util.stream.Collectors.toSet()));
		return rows.stream().map(r -> new Revision(r.revision(), r.title(), r.body(),
				r.topics().isEmpty() ? List.of() : List.of(r.topics().split(", ")), ref(refs, r.editor()), r.at())).toList();
	}

	public Map<Long, List<Topic>> topicsOf(Collection<Long> postIds) {
		if (postIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<Topic>> topics = new HashMap<>();
		jdbc.sql("SELECT t.post_id, s.id, s.name FROM community_post_topic t JOIN skill s ON s.id = t.skill_id WHERE t.post_id IN (:ids) ORDER BY s.name")
			.param("ids", postIds)
			.query(rs -> {
				topics.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Topic(rs.getLong(2), rs.getString(3)));
			});
		return topics;
	}

	private Map<Long, List<Comment>> commentsOf(List<Long> postIds, CurrentUser viewer) {
		if (postIds.isEmpty()) {
			return Map.of();
		}
		record Row(long id, long postId, long authorId, String body, Instant at) {
		}
		List<Row> rows = jdbc.sql("SELECT id, post_id, author_id, body, created_at FROM community_comment WHERE post_id IN (:ids) AND deleted_at IS NULL ORDER BY id")
			.param("ids", postIds)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), instant(rs, "created_at")))
			.list();
		Map<Long, PersonRef> refs = people.refs(rows.stream().map(Row::authorId).collect(java.util.stream.Collectors.toSet()));
		Map<Long, List<Comment>> comments = new HashMap<>();
		rows.forEach(r -> comments.computeIfAbsent(r.postId(), k -> new ArrayList<>())
			.add(new Comment(r.id(), r.postId(), ref(refs, r.authorId()), r.body(), r.at(), viewer.is(r.authorId()))));
		return comments;
	}

	private Map<Long, Integer> votesOf(List<Long> postIds, long personId) {
		if (postIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Integer> votes = new HashMap<>();
		jdbc.sql("SELECT post_id, direction FROM community_vote WHERE person_id = :person AND post_id IN (:ids)")
			.param("person", personId).param("ids", postIds)
			.query(rs -> {
				votes.put(rs.getLong(1), rs.getInt(2));
			});
		return votes;
	}

	static PersonRef ref(Map<Long, PersonRef> refs, long id) {
		PersonRef ref = refs.get(id);
		return ref != null ? ref : new PersonRef(id, "Former colleague", null);
	}

	static List<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
			if (!word.isBlank() && words.size() < 8) {
				words.add(word.length() > 50 ? word.substring(0, 50) : word);
			}
		}
		return List.copyOf(words);
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
