package org.guildhall.notifications.internal;

import java.util.List;
import java.util.Optional;

import org.guildhall.community.AnswerAccepted;
import org.guildhall.community.AnswerPosted;
import org.guildhall.community.ExpertAsked;
import org.guildhall.community.ExpertRequestClosed;
import org.guildhall.community.ExpertSessionOffered;
import org.guildhall.community.KudosGiven;
import org.guildhall.community.Post;
import org.guildhall.community.QuestionBoard;
import org.guildhall.notifications.Category;
import org.guildhall.notifications.internal.Notifier.Message;
import org.guildhall.notifications.internal.Recipients.Names;
import org.guildhall.people.Skill;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.NotFoundException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Community events turned into notifications: a question routed to an expert, a flash session offered
 * to the asker, a request closed because the asker found help elsewhere, an answer to your question, your answer accepted, kudos for you. Nobody is told about what they did themselves.
 * Transactions as in {@link MentoringListeners}: one per notification written.
 */
@Component
class CommunityListeners {

	private final Notifier notifier;
	private final Recipients recipients;
	private final QuestionBoard questions;
	private final SkillCatalog skills;

	CommunityListeners(Notifier notifier, Recipients recipients, QuestionBoard questions, SkillCatalog skills) {
		this.notifier = notifier;
		this.recipients = recipients;
		this.questions = questions;
		this.skills = skills;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ExpertAsked event) {
		if (event.expertId() == event.askerId()) {
			return;
		}
		String asker = recipients.names(List.of(event.askerId())).of(event.askerId());
		notifier.notify(new Message(event.expertId(), Category.COMMUNITY, "expert-asked:" + event.questionId(),
				asker + " asks for your expertise: " + event.title(),
				asker + " asked \"" + event.title() + "\" and you are one of the people best placed to answer. "
						+ "You can answer, decline, or offer a short flash mentoring session.",
				questionLink(event.questionId())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ExpertSessionOffered event) {
		String expert = recipients.names(List.of(event.expertId())).of(event.expertId());
		notifier.notify(new Message(event.askerId(), Category.COMMUNITY, "expert-offered:" + event.requestId(),
				expert + " offers a flash session about: " + event.title(),
				expert + " offers you a short flash mentoring session about \"" + event.title()
						+ "\". Pick one of the proposed times to agree on it.",
				"/community/asked/" + event.requestId()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ExpertRequestClosed event) {
		String asker = recipients.names(List.of(event.askerId())).of(event.askerId());
		String why = event.reason() == ExpertRequestClosed.Reason.ANSWER_ACCEPTED
				? asker + " accepted an answer to \"" + event.title() + "\""
				: asker + " agreed a flash session about \"" + event.title() + "\" with another expert";
		notifier.notify(new Message(event.expertId(), Category.COMMUNITY, "expert-closed:" + event.requestId(),
				"No longer needed: " + event.title(),
				why + ", so your help is no longer needed there. Thank you for being ready to help.",
				questionLink(event.questionId())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AnswerPosted event) {
		Optional<Post> question = findQuestion(event.questionId());
		if (question.isEmpty()) {
			return; // deleted meanwhile: nothing to point at
		}
		long askerId = question.get().author().id();
		if (askerId == event.authorId()) {
			return;
		}
		String author = recipients.names(List.of(event.authorId())).of(event.authorId());
		String title = question.get().title() == null ? "your question" : question.get().title();
		notifier.notify(new Message(askerId, Category.COMMUNITY, "answer-posted:" + event.answerId(),
				author + " answered your question: " + title,
				author + " answered \"" + title + "\". If it solves your problem, accept it so others find it.",
				questionLink(event.questionId())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AnswerAccepted event) {
		if (event.answererId() == event.askerId()) {
			return;
		}
		Names names = recipients.names(List.of(event.askerId()));
		String title = findQuestion(event.questionId()).map(Post::title).orElse("their question");
		notifier.notify(new Message(event.answererId(), Category.COMMUNITY, "answer-accepted:" + event.answerId(),
				names.of(event.askerId()) + " accepted your answer to: " + title,
				names.of(event.askerId()) + " marked your answer as the one that solved \"" + title + "\". Thank you for helping.",
				questionLink(event.questionId())));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(KudosGiven event) {
		if (event.giverId() == event.receiverId()) {
			return;
		}
		String giver = recipients.names(List.of(event.giverId())).of(event.giverId());
		String skill = skills.find(event.skillId()).map(Skill::name).orElse("your work");
		notifier.notify(new Message(event.receiverId(), Category.COMMUNITY, "kudos:" + event.kudosId(),
				giver + " gave you kudos for " + skill,
				giver + " thanked you for " + skill + ". Kudos show on your profile by skill.",
				"/community/people/" + event.receiverId() + "/kudos"));
	}

	private Optional<Post> findQuestion(long questionId) {
		try {
			return Optional.of(questions.thread(questionId, Recipients.SYSTEM).question());
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	private static String questionLink(long questionId) {
		return "/community/questions/" + questionId;
	}
}
