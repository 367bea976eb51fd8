package org.guildhall.community;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.guildhall.community.internal.ReputationStore;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reputation per person and topic, and badges. Points in a topic (a skill) come from answers to
 * questions on that topic and from kudos for that skill:
 * <ul>
 * <li>{@value #PER_ANSWER} for each live answer,</li>
 * <li>{@value #PER_VOTE} for each net up-vote on those answers (a down-vote takes {@value #PER_VOTE} away),</li>
 * <li>{@value #PER_ACCEPTED} more when the answer is the accepted one,</li>
 * <li>{@value #PER_KUDOS} for each kudos received for the skill.</li>
 * </ul>
 * An answer to a question with several topics counts in each. Deleted answers, and answers to
 * deleted questions, count nothing. Reputation is derived: it is updated after every event that
 * changes the evidence, and {@link #recomputeAll} rebuilds it from the database. Badges are earned
 * once and kept.
 */
@Service
public class Reputation {

	public static final int PER_ANSWER = 2;
	public static final int PER_VOTE = 5;
	public static final int PER_ACCEPTED = 15;
	public static final int PER_KUDOS = 10;

	private final ReputationStore store;
	private final PeopleDirectory people;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate newTransaction;

	Reputation(ReputationStore store, PeopleDirectory people, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.people = people;
		this.events = events;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A person's reputation by topic, most points first. */
	@Transactional(readOnly = true)
	public List<TopicReputation> of(long personId) {
		requirePerson(personId);
		return store.of(personId);
	}

	/** A person's badges, newest first. */
	@Transactional(readOnly = true)
	public List<EarnedBadge> badges(long personId) {
		requirePerson(personId);
		return store.badges(personId);
	}

	/** Points in one topic for each of the people (absent: none), for hints in lists. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> pointsIn(long skillId, Collection<Long> personIds) {
		return store.pointsIn(skillId, personIds);
	}

	/** The people with most points in a topic, most first. */
	@Transactional(readOnly = true)
	public List<Map.Entry<PersonRef, Integer>> top(long skillId, int limit) {
		List<Map.Entry<Long, Integer>> top = store.top(skillId, Math.min(Math.max(limit, 1), 100));
		Map<Long, PersonRef> refs = people.refs(top.stream().map(Map.Entry::getKey).toList());
		return top.stream().filter(e -> refs.containsKey(e.getKey()))
			.map(e -> Map.entry(refs.get(e.getKey()), e.getValue())).toList();
	}

	/**
	 * Computes one person's reputation again from the database, in its own transaction, and awards
	 * the badges it reaches. Two updates of the same person at once are retried, not lost.
	 */
	public void recompute(long personId) {
		for (int attempt = 1;; attempt++) {
			try {
				newTransaction.executeWithoutResult(status -> {
					store.recompute(personId, PER_ANSWER, PER_ACCEPTED, PER_VOTE, PER_KUDOS);
					awardMilestones(personId);
				});
				return;
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
				if (attempt >= 5) {
					throw e;
				}
			}
		}
	}

	/** Rebuilds everyone's reputation from the database and awards missing badges (administrators). Returns how many people have reputation. */
	public int recomputeAll(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only administrators may recompute reputation");
		}
		return recomputeAll();
	}

	int recomputeAll() {
		// listeners may recompute one person at the same moment (the demo seeds while its events are handled): retry
		for (int attempt = 1;; attempt++) {
			try {
				return newTransaction.execute(status -> {
					store.recompute(null, PER_ANSWER, PER_ACCEPTED, PER_VOTE, PER_KUDOS);
					List<Long> everyone = store.peopleWithEvidence();
					everyone.forEach(this::awardMilestones);
					everyone.stream().filter(id -> store.articles(id) > 0).forEach(id -> award(id, Badge.FIRST_ARTICLE, null));
					return (int) everyone.stream().filter(id -> !store.of(id).isEmpty()).count();
				});
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
				if (attempt >= 5) {
					throw e;
				}
			}
		}
	}

	private void awardMilestones(long personId) {
		List<TopicReputation> topics = store.of(personId);
		if (topics.stream().anyMatch(t -> t.answers() > 0)) {
			award(personId, Badge.FIRST_ANSWER, null);
		}
		if (topics.stream().anyMatch(t -> t.accepted() > 0)) {
			award(personId, Badge.FIRST_ACCEPTED_ANSWER, null);
		}
		if (topics.stream().anyMatch(t -> t.kudos() > 0)) {
			award(personId, Badge.FIRST_KUDOS_RECEIVED, null);
		}
		for (TopicReputation topic : topics) {
			if (topic.accepted() >= 10) {
				award(personId, Badge.TEN_ACCEPTED_IN_TOPIC, topic.topic().skillId());
			}
			if (topic.points() >= 100) {
				award(personId, Badge.HUNDRED_POINTS_IN_TOPIC, topic.topic().skillId());
			}
		}
	}

	/** Awards a badge once; publishes {@link BadgeEarned} when it is new. */
	void award(long personId, Badge badge, @org.jspecify.annotations.Nullable Long skillId) {
		if (store.award(personId, badge, skillId)) {
			events.publishEvent(new BadgeEarned(personId, badge, skillId));
		}
	}

	/** Awards a badge in its own transaction (for listeners). */
	public void awardNow(long personId, Badge badge) {
		newTransaction.executeWithoutResult(status -> award(personId, badge, null));
	}

	/** Recomputes everyone who answered the question (its topics or acceptance changed). */
	public void recomputeAnswerersOf(long questionId) {
		newTransaction.execute(status -> store.answerers(questionId)).forEach(this::recompute);
	}

	/** Awards the author badge when the person has a live article. */
	public void articlePublished(long personId) {
		newTransaction.executeWithoutResult(status -> {
			if (store.articles(personId) > 0) {
				award(personId, Badge.FIRST_ARTICLE, null);
			}
		});
	}

	private void requirePerson(long personId) {
		if (people.refs(List.of(personId)).isEmpty()) {
			throw new NotFoundException("No person with id " + personId);
		}
	}
}
