package org.guildhall.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.guildhall.community.internal.PostStore;
import org.guildhall.community.internal.PostStore.PostRow;
import org.guildhall.community.internal.Texts;
import org.guildhall.people.Skill;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions and answers. Everyone in the directory may ask and answer; topics are skills of the
 * taxonomy; only the asker may accept an answer. Editing, deleting, voting and comments are in
 * {@link Contributions}, as they work the same on every kind of post.
 */
@Service
public class QuestionBoard {

	private final PostStore posts;
	private final SkillCatalog skills;
	private final ApplicationEventPublisher events;

	QuestionBoard(PostStore posts, SkillCatalog skills, ApplicationEventPublisher events) {
		this.posts = posts;
		this.skills = skills;
		this.events = events;
	}

	/** Asks a question; every field is checked and all problems are reported together. */
	@Transactional
	public Post ask(NewQuestion question, CurrentUser asker) {
		long askerId = Participants.personOf(asker);
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.check("title", question.title(), Texts.TITLE_MIN, Texts.TITLE_MAX, problems);
		String body = Texts.check("body", question.body(), 1, Texts.BODY_MAX, problems);
		List<Topic> topics = posts.resolveTopics(question.topics(), true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = posts.insert(PostKind.QUESTION, null, askerId, title, body, false, topics);
		events.publishEvent(new QuestionAsked(id, askerId));
		return posts.load(List.of(id), asker).get(0);
	}

	/** Answers a live question. */
	@Transactional
	public Post answer(long questionId, @Nullable String text, CurrentUser author) {
		long authorId = Participants.personOf(author);
		liveQuestion(questionId);
		List<FieldProblem> problems = new ArrayList<>();
		String body = Texts.check("body", text, 1, Texts.BODY_MAX, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = posts.insert(PostKind.ANSWER, questionId, authorId, null, body, false, List.of());
		posts.countAnswer(questionId);
		events.publishEvent(new AnswerPosted(id, questionId, authorId));
		return posts.load(List.of(id), author).get(0);
	}

	/** The asker marks one answer as the one that solved it (another acceptance replaces it). */
	@Transactional
	public QuestionThread accept(long questionId, long answerId, CurrentUser asker) {
		PostRow question = liveQuestion(questionId);
		if (!asker.is(question.authorId())) {
			throw new AccessDeniedException("Only the person who asked can accept an answer");
		}
		PostRow answer = posts.find(answerId).filter(a -> !a.deleted() && a.kind() == PostKind.ANSWER)
			.filter(a -> a.questionId() != null && a.questionId() == questionId)
			.orElseThrow(() -> new InvalidInputException("answerId", "is not an answer to this question"));
		if (question.acceptedAnswerId() == null || question.acceptedAnswerId() != answerId) {
			posts.accept(questionId, answerId);
			events.publishEvent(new AnswerAccepted(answerId, questionId, answer.authorId(), question.authorId()));
		}
		return thread(questionId, asker);
	}

	/** A question with its answers and comments, as the viewer sees it. */
	@Transactional(readOnly = true)
	public QuestionThread thread(long questionId, CurrentUser viewer) {
		liveQuestion(questionId);
		Post question = posts.load(List.of(questionId), viewer).get(0);
		return new QuestionThread(question, posts.load(posts.answerIds(questionId), viewer));
	}

	/**
	 * Live questions, newest first: those containing every word of {@code text} (in title or body)
	 * and, when given, on the topic (a skill name or alias; an unknown topic finds nothing).
	 */
	@Transactional(readOnly = true)
	public PageResult<PostSummary> questions(@Nullable String text, @Nullable String topic, PageRequest page) {
		Optional<Long> topicId = Optional.empty();
		if (topic != null && !topic.isBlank()) {
			topicId = skills.resolve(topic).map(Skill::id);
			if (topicId.isEmpty()) {
				return new PageResult<>(List.of(), page.page(), page.size(), 0);
			}
		}
		return posts.summaries(PostKind.QUESTION, blankToNull(text), topicId.orElse(null), null, page);
	}

	private PostRow liveQuestion(long questionId) {
		return posts.find(questionId).filter(p -> p.kind() == PostKind.QUESTION && !p.deleted())
			.orElseThrow(() -> new NotFoundException("No question with id " + questionId));
	}

	static @Nullable String blankToNull(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > 200) {
			throw new InvalidInputException("q", "must be at most 200 characters");
		}
		return text.strip();
	}
}
