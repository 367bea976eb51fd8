package org.guildhall.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.guildhall.community.internal.PostStore;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles and lessons learned, written in Markdown and shown as sanitised HTML. Everyone in the
 * directory may publish; edits, deletion, votes and comments go through {@link Contributions}.
 */
@Service
public class KnowledgeBase {

	private final PostStore posts;
	private final SkillCatalog skills;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<LessonSources> lessonSources;

	KnowledgeBase(PostStore posts, SkillCatalog skills, ApplicationEventPublisher events,
			ObjectProvider<LessonSources> lessonSources) {
		this.posts = posts;
		this.skills = skills;
		this.events = events;
		this.lessonSources = lessonSources;
	}

	/** Whether a lesson learned can name the mentorship it comes from (the mentorships module says who is a mentee). */
	public boolean lessonsFromMentorships() {
		return lessonSources.getIfAvailable() != null;
	}

	/** Publishes an article with one to five topics. */
	@Transactional
	public Post publish(NewArticle article, CurrentUser author) {
		long authorId = Participants.personOf(author);
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.check("title", article.title(), Texts.TITLE_MIN, Texts.TITLE_MAX, problems);
		String body = Texts.check("body", article.body(), 1, Texts.ARTICLE_MAX, problems);
		List<Topic> topics = posts.resolveTopics(article.topics(), true, problems);
		Long mentorshipId = article.mentorshipId();
		if (mentorshipId != null) {
			LessonSources sources = lessonSources.getIfAvailable();
			if (!article.lessonLearned()) {
				problems.add(new FieldProblem("mentorshipId", "only a lesson learned can name a mentorship"));
			}
			else if (sources == null) {
				problems.add(new FieldProblem("mentorshipId", "lessons from mentorships are not available on this installation"));
			}
			else if (!sources.isMentee(mentorshipId, authorId)) {
				problems.add(new FieldProblem("mentorshipId", "you are not the mentee of mentorship " + mentorshipId));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = posts.insert(PostKind.ARTICLE, null, authorId, title, body, article.lessonLearned(), topics);
		if (mentorshipId != null) {
			posts.linkMentorship(id, mentorshipId);
		}
		events.publishEvent(new ArticlePublished(id, authorId, article.lessonLearned()));
		if (mentorshipId != null) {
			events.publishEvent(new LessonLearnedPublished(id, authorId, mentorshipId));
		}
		return posts.load(List.of(id), author).get(0);
	}

	@Transactional(readOnly = true)
	public Post article(long id, CurrentUser viewer) {
		return posts.load(List.of(id), viewer).stream().filter(p -> p.kind() == PostKind.ARTICLE).findFirst()
			.orElseThrow(() -> new NotFoundException("No article with id " + id));
	}

	/** Live articles, newest first, filtered like questions (words in title or body, a topic). */
	@Transactional(readOnly = true)
	public PageResult<PostSummary> articles(@Nullable String text, @Nullable String topic, PageRequest page) {
		Optional<Long> topicId = Optional.empty();
		if (topic != null && !topic.isBlank()) {
			topicId = skills.resolve(topic).map(Skill::id);
			if (topicId.isEmpty()) {
				return new PageResult<>(List.of(), page.page(), page.size(), 0);
			}
		}
		return posts.summaries(PostKind.ARTICLE, QuestionBoard.blankToNull(text), topicId.orElse(null), null, page);
	}
}
