package org.guildhall.insights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.guildhall.community.LearningLinks;
import org.guildhall.mentorships.MentorshipFacts;
import org.guildhall.people.PeopleFacts;
import org.guildhall.people.PersonHistory;
import org.guildhall.people.PersonHistoryEntry;
import org.guildhall.programmes.ProgrammeFact;
import org.guildhall.programmes.ProgrammeFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the read model from the owning modules' public APIs: on the first start (after the demo
 * organisation is seeded, hence the late order) and when an administrator asks. Every copied
 * table ends up holding exactly the owners' facts, as if emptied and filled again, but only the
 * rows that differ are written ({@link ReadModel#sync}); what is computed from them (network
 * figures, snapshots) is forgotten and computed afresh. Runs in one transaction holding the feed's
 * lock, so readers see the old model or the new one, and no event is applied half-way through.
 */
@Component
@Order(100)
public class Rebuild implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

	private final ReadModel model;
	private final CharacteristicsCopy characteristics;
	private final PeopleFacts people;
	private final PersonHistory history;
	private final ProgrammeFacts programmes;
	private final MentorshipFacts mentorships;
	private final LearningLinks links;
	private final TransactionTemplate transactions;
	private final TransactionTemplate reads;
	private final Figures figures;
	private final Clock clock;

	Rebuild(ReadModel model, CharacteristicsCopy characteristics, PeopleFacts people, PersonHistory history,
			ProgrammeFacts programmes, MentorshipFacts mentorships, LearningLinks links, PlatformTransactionManager transactionManager,
			Figures figures) {
		this.model = model;
		this.characteristics = characteristics;
		this.people = people;
		this.history = history;
		this.programmes = programmes;
		this.mentorships = mentorships;
		this.links = links;
		this.transactions = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.figures = figures;
		this.clock = Clock.systemUTC();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!model.built()) {
			rebuild();
			figures.computeNow();
		}
	}

	/**
	 * Replaces the whole model with the owners' current facts; returns how long it took. The facts
	 * are read on a second thread (one read-only transaction) while this one writes the batches read
	 * before. Reading outside the writing transaction is safe for the same reason reading inside it
	 * was: the feed's lock is held from before the first read, so every change committed after a read
	 * has its event applied after the rebuild, replacing what the rebuild copied.
	 */
	public Duration rebuild() {
		Instant start = clock.instant();
		String changes = transactions.execute(tx -> {
			model.lock();
			model.clearComputed();
			ReadModel.Sync sync = model.sync(ReadModel.COPIED);
			TableSync answers = characteristics.sync();
			ReadWhileWriting.copy("insights-rebuild-reader", write -> reads.executeWithoutResult(read -> readAll(sync, answers, write)));
			String written = sync.finish() + "; " + answers.finish();
			model.built(clock.instant());
			model.markStale();
			return written;
		});
		Duration took = Duration.between(start, clock.instant());
		log.info("Insights read model rebuilt from the owning modules in {} ms ({})", took.toMillis(), changes);
		return took;
	}

	/** Reads every owner's facts, handing each batch's write over as soon as it is read. */
	private void readAll(ReadModel.Sync sync, TableSync answers, Consumer<Runnable> write) {
		copy(people::forEachPerson, sync::people, write);
		copy(people::forEachSkill, sync::skills, write);
		for (long after = 0;;) {
			List<PersonHistoryEntry> page = history.after(after, ReadModelFeed.HISTORY_PAGE);
			write.accept(() -> sync.history(page));
			if (page.size() < ReadModelFeed.HISTORY_PAGE) {
				break;
			}
			after = page.get(page.size() - 1).sequence();
		}
		characteristics.forEachBatch(batch -> write.accept(() -> answers.want(CharacteristicsCopy.rows(batch))));
		List<ProgrammeFact> all = programmes.programmes();
		write.accept(() -> sync.programmes(all));
		copy(programmes::forEachEnrolment, sync::enrolments, write);
		copy(mentorships::forEach, sync::pairs, write);
		copy(links::forEach, sync::links, write);
	}

	/** Reads one owner's facts in batches and hands each batch's write over. */
	private static <T> void copy(Consumer<Consumer<T>> read, Consumer<List<T>> add, Consumer<Runnable> write) {
		Batches.of(read, batch -> write.accept(() -> add.accept(batch)));
	}
}
