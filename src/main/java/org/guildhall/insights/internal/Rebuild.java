package org.guildhall.insights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.guildhall.community.LearningLink;
import org.guildhall.community.LearningLinks;
import org.guildhall.mentorships.MentorshipFact;
import org.guildhall.mentorships.MentorshipFacts;
import org.guildhall.programmes.EnrolmentFact;
import org.guildhall.programmes.ProgrammeFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the read model from scratch from the owning modules' public APIs: on the first start
 * (after the demo organisation is seeded, hence the late order) and when an administrator asks.
 * Runs in one transaction holding the feed's lock, so readers see the old model or the new one,
 * and no event is applied half-way through.
 */
@Component
@Order(100)
public class Rebuild implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
	private static final int BATCH = 5_000;

	private final ReadModel model;
	private final ReadModelFeed feed;
	private final ProgrammeFacts programmes;
	private final MentorshipFacts mentorships;
	private final LearningLinks links;
	private final TransactionTemplate transactions;
	private final Figures figures;
	private final Clock clock;

	Rebuild(ReadModel model, ReadModelFeed feed, ProgrammeFacts programmes, MentorshipFacts mentorships, LearningLinks links,
			TransactionTemplate transactions, Figures figures) {
		this.figures = figures;
		this.model = model;
		this.feed = feed;
		this.programmes = programmes;
		this.mentorships = mentorships;
		this.links = links;
		this.transactions = transactions;
		this.clock = Clock.systemUTC();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!model.built()) {
			rebuild();
			figures.computeNow();
		}
	}

	/** Replaces the whole model with the owners' current facts; returns how long it took. */
	public Duration rebuild() {
		Instant start = clock.instant();
		transactions.executeWithoutResult(tx -> {
			model.lock();
			model.clear();
			feed.refreshAllPeople();
			feed.refreshAllCharacteristics();
			programmes.programmes().forEach(model::programme);
			List<EnrolmentFact> enrolments = new ArrayList<>();
			programmes.forEachEnrolment(e -> flush(enrolments, e, model::addEnrolments));
			model.addEnrolments(enrolments);
			List<MentorshipFact> pairs = new ArrayList<>();
			mentorships.forEach(m -> flush(pairs, m, model::addPairs));
			model.addPairs(pairs);
			List<LearningLink> batch = new ArrayList<>();
			links.forEach(l -> flush(batch, l, model::addLinks));
			model.addLinks(batch);
			model.built(clock.instant());
			model.markStale();
		});
		Duration took = Duration.between(start, clock.instant());
		log.info("Insights read model rebuilt from the owning modules in {} ms", took.toMillis());
		return took;
	}

	private static <T> void flush(List<T> batch, T item, java.util.function.Consumer<List<T>> write) {
		batch.add(item);
		if (batch.size() >= BATCH) {
			write.accept(batch);
			batch.clear();
		}
	}
}
