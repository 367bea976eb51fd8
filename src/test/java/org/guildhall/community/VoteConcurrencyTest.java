package org.guildhall.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@GuildhallTest
class VoteConcurrencyTest {

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	QuestionBoard questions;

	@Autowired
	Contributions contributions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDoubleClickNeverCountsTwiceAndTwoPeopleCountTwice() throws Exception {
		TestOrganisation org = TestOrganisation.create(imports, identity, directory);
		CurrentUser ann = user(org.ann());
		CurrentUser bo = user(org.bo());
		CurrentUser pm = user(org.pm());
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 15; round++) {
				long post = questions.ask(new NewQuestion("Concurrent votes round " + round, "Body", List.of("Java")), ann).id();
				// the same person clicks twice at once
				race(threads, () -> contributions.vote(post, Vote.UP, bo), () -> contributions.vote(post, Vote.UP, bo));
				assertThat(score(post)).as("round %d, one person", round).isEqualTo(1);
				assertThat(votes(post)).isEqualTo(1);
				// two people vote at once
				race(threads, () -> contributions.vote(post, Vote.DOWN, pm), () -> contributions.vote(post, Vote.UP, bo));
				assertThat(score(post)).as("round %d, two people", round).isEqualTo(0);
				assertThat(votes(post)).isEqualTo(2);
				// one person changes their mind twice at once: the score always matches the stored votes
				race(threads, () -> contributions.vote(post, Vote.UP, pm), () -> contributions.vote(post, null, pm));
				assertThat(score(post)).isEqualTo(jdbc.sql("SELECT COALESCE(SUM(direction), 0) FROM community_vote WHERE post_id = ?")
					.param(post).query(Integer.class).single());
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void race(ExecutorService threads, Runnable first, Runnable second) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (Runnable click : List.of(first, second)) {
			futures.add(threads.submit(() -> {
				start.await();
				click.run();
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get();
		}
	}

	private int score(long post) {
		return jdbc.sql("SELECT score FROM community_post WHERE id = ?").param(post).query(Integer.class).single();
	}

	private int votes(long post) {
		return jdbc.sql("SELECT COUNT(*) FROM community_vote WHERE post_id = ?").param(post).query(Integer.class).single();
	}

	private static CurrentUser user(TestOrganisation.Member member) {
		return new CurrentUser(member.accountId(), member.email(), "x", member.personId(), Set.of("EMPLOYEE"));
	}
}
