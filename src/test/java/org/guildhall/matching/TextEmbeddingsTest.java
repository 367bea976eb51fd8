package org.guildhall.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.guildhall.matching.engine.MiniLmEmbedder;
import org.guildhall.matching.engine.Progress;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@GuildhallTest
class TextEmbeddingsTest {

	@Autowired
	TextEmbeddings embeddings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void eachTextIsEmbeddedOnceAndAnotherNodeReadsTheSameVectorFromTheDatabase() {
		String run = UUID.randomUUID().toString();
		List<String> texts = List.of("Grow as a Kubernetes operator " + run, "", "Public speaking for engineers " + run,
				"Grow as a Kubernetes operator " + run);
		long before = embeddings.stored();

		float[][] first = embeddings.embed(texts, Progress.NONE);

		assertThat(embeddings.stored() - before).as("two distinct non-blank texts").isEqualTo(2);
		assertThat(first[0]).isEqualTo(first[3]);
		assertThat(first[1]).as("a blank text compares as nothing").containsOnly(0f);
		assertThat(norm(first[0])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
		float[][] fresh = new MiniLmEmbedder(false).embed(List.of(texts.get(0)), Progress.NONE);
		assertThat(first[0]).as("the stored vector is the model's").containsExactly(fresh[0],
				org.assertj.core.data.Offset.offset(1e-6f));

		TextEmbeddings otherNode = new TextEmbeddings(jdbc, transactions);
		assertThat(otherNode.embed(texts, Progress.NONE)[2]).containsExactly(first[2]);
		assertThat(embeddings.stored() - before).as("nothing embedded twice").isEqualTo(2);
	}

	@Test
	void preparedTextsAreStoredInTheBackground() {
		String run = UUID.randomUUID().toString();
		List<String> texts = List.of("Mentoring on incident reviews " + run, "Data modelling and SQL tuning " + run,
				"Learning to lead a team of five " + run);
		long before = embeddings.stored();

		embeddings.prepare(texts);

		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> embeddings.stored() - before == 3);
	}

	private static double norm(float[] vector) {
		double sum = 0;
		for (float x : vector) {
			sum += x * x;
		}
		return Math.sqrt(sum);
	}
}
