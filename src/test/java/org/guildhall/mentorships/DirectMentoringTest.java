package org.guildhall.mentorships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.guildhall.identity.IdentityManagement;
import org.guildhall.people.HrImports;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.programmes.ProgrammeManagement;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.testing.GuildhallTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Asking someone to be one's mentor outside any programme: the same request, accept and decline
 * flow as in a programme, and the mentor's capacity from their profile holds, also under
 * concurrent requests for the last place.
 */
@GuildhallTest
@AutoConfigureMockMvc
class DirectMentoringTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProgrammeManagement programmes;

	@Autowired
	MentorshipManagement mentorships;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Test
	void aDirectRequestGoesThroughTheSameFlowAndCapacityHoldsUnderConcurrentRequests() throws Exception {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 3);
		long mia = w.mia().personId();
		assertThat(mentorships.availability(mia, w.tom())).satisfies(a -> {
			assertThat(a.open()).isTrue();
			assertThat(a.capacity()).isEqualTo(3);
			assertThat(a.mayAsk(false)).isTrue();
		});
		assertThatThrownBy(() -> mentorships.requestDirectly(mia, w.mia(), null)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> mentorships.requestDirectly(w.tom().personId(), w.di(), null))
			.isInstanceOf(ConflictException.class).hasMessageContaining("not open to mentoring");

		// Ada is Mia's manager: mentors come from outside one's reporting line
		assertThat(mentorships.availability(mia, w.admin()).mayAsk(false)).isFalse();
		assertThatThrownBy(() -> mentorships.requestDirectly(mia, w.admin(), null)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("reporting line");

		Mentorship asked = mentorships.requestDirectly(mia, w.tom(), "Help me lead");
		assertThat(asked.status()).isEqualTo(MentorshipStatus.REQUESTED);
		assertThat(asked.programmeName()).isEqualTo("Mentoring outside programmes");
		assertThat(asked.requestMessage()).isEqualTo("Help me lead");
		assertThatThrownBy(() -> mentorships.requestDirectly(mia, w.tom(), null)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already asked");
		assertThat(mentorships.availability(mia, w.tom()).withViewer()).isNotNull();
		assertThat(mentorships.availability(mia, w.di()).freePlaces()).isEqualTo(2);
		assertThatThrownBy(() -> mentorships.accept(asked.id(), w.tom())).isInstanceOf(ConflictException.class);
		assertThat(mentorships.accept(asked.id(), w.mia()).status()).isEqualTo(MentorshipStatus.ACTIVE);

		// Di and Cy race for Mia's two places left, and one more person asks: exactly two get one
		Mentorship di = mentorships.requestDirectly(mia, w.di(), null);
		assertThat(mentorships.availability(mia, w.cy()).freePlaces()).isEqualTo(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Mentorship>> two = List.of(() -> mentorships.requestDirectly(mia, w.cy(), null),
					() -> mentorships.requestDirectly(mia, w.pm(), null));
			List<Boolean> outcomes = new ArrayList<>();
			for (Future<Mentorship> f : pool.invokeAll(two)) {
				try {
					f.get();
					outcomes.add(true);
				}
				catch (java.util.concurrent.ExecutionException e) {
					assertThat(e.getCause()).isInstanceOf(ConflictException.class).hasMessageContaining("no free mentoring place");
					outcomes.add(false);
				}
			}
			assertThat(outcomes).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdown();
		}
		assertThat(mentorships.availability(mia, w.admin()).freePlaces()).isZero();
		assertThat(mentorships.availability(mia, w.cy()).mayAsk(false)).isFalse();

		// declining gives the place back
		mentorships.decline(di.id(), w.mia(), "Too busy this quarter");
		assertThat(mentorships.availability(mia, w.admin()).freePlaces()).isEqualTo(1);
	}

	@Test
	void theApiAsksDirectlyAndTellsWhereSomeoneStands() throws Exception {
		MentoringWorld w = MentoringWorld.create(imports, identity, directory, programmes, 3);
		String tom = "Bearer " + identity.issueToken(w.tomMember().accountId(), "test", 1).secret();
		long mia = w.mia().personId();
		mvc.perform(get("/api/v1/mentorships/availability/{id}", mia).header("Authorization", tom))
			.andExpect(status().isOk()).andExpect(jsonPath("$.open").value(true)).andExpect(jsonPath("$.freePlaces").value(3));
		mvc.perform(post("/api/v1/mentorships/direct-requests").header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{\"mentorId\":" + mia + ",\"message\":\"Help me lead\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REQUESTED"))
			.andExpect(jsonPath("$.programmeName").value("Mentoring outside programmes"));
		mvc.perform(post("/api/v1/mentorships/direct-requests").header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{\"mentorId\":" + mia + "}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/mentorships/direct-requests").header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/mentorships/availability/{id}", mia).header("Authorization", tom))
			.andExpect(jsonPath("$.freePlaces").value(2)).andExpect(jsonPath("$.withViewer.status").value("REQUESTED"));

		// the standing programme those requests belong to is not one to join
		long standing = mentorships.directProgramme();
		mvc.perform(get("/api/v1/programmes?size=100").header("Authorization", tom))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) standing))));
		mvc.perform(post("/api/v1/programmes/{id}/enrolments", standing).header("Authorization", tom).contentType(MediaType.APPLICATION_JSON)
				.content("{\"role\":\"MENTEE\",\"goals\":\"Lead\",\"capacity\":0,\"answers\":[]}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Ask to be my mentor")));
	}
}
