package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityManagement;
import org.guildhall.shared.CurrentUser;
import org.guildhall.testing.GuildhallTest;
import org.guildhall.testing.Pages;
import org.guildhall.testing.TestOrganisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every saved profile edit leaves an entry in the audit trail naming who edited whom; refused ones leave none. */
@GuildhallTest
@AutoConfigureMockMvc
class ProfileEditAuditTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	HrImports imports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	TestOrganisation team;

	Pages pages;

	@BeforeEach
	void organisation() {
		team = TestOrganisation.create(imports, identity, directory);
		pages = new Pages(mvc);
	}

	private static CurrentUser user(TestOrganisation.Member member) {
		return new CurrentUser(member.accountId(), member.email(), "x", member.personId(), Set.of(CurrentUser.EMPLOYEE));
	}

	private List<String> auditActors(long personId) {
		return jdbc.sql("SELECT actor FROM audit_event WHERE action = 'profile-updated' AND subject = ? ORDER BY id")
			.param("person " + personId).query(String.class).list();
	}

	@Test
	void savedEditsAreAuditedWithTheEditorAndRefusedOnesAreNot() throws Exception {
		Cookie bo = pages.signIn(team.bo());
		Profile before = directory.profile(team.bo().personId(), user(team.bo()));
		mvc.perform(post("/people/{id}/edit", team.bo().personId()).with(csrf()).cookie(bo)
				.param("bio", "Learning the ropes").param("timeZone", "Europe/Lisbon").param("languages", "English")
				.param("mentoringRole", "MENTEE").param("mentoringCapacity", "0")
				.param("version", String.valueOf(before.version())))
			.andExpect(redirectedUrl("/people/" + team.bo().personId()));
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> auditActors(team.bo().personId()).equals(List.of(team.bo().email())));

		// an administrator's edit names the administrator, not the person
		Cookie admin = pages.signIn(team.admin());
		long version = directory.profile(team.bo().personId(), user(team.bo())).version();
		mvc.perform(post("/people/{id}/edit", team.bo().personId()).with(csrf()).cookie(admin)
				.param("bio", "Edited by HR").param("timeZone", "Europe/Lisbon").param("mentoringRole", "MENTEE")
				.param("mentoringCapacity", "0").param("version", String.valueOf(version)))
			.andExpect(redirectedUrl("/people/" + team.bo().personId()));
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> auditActors(team.bo().personId()).equals(List.of(team.bo().email(), team.admin().email())));

		// refused: someone else's profile, and an invalid edit of one's own; neither changes nor audits anything
		Profile ann = directory.profile(team.ann().personId(), user(team.ann()));
		mvc.perform(post("/people/{id}/edit", team.ann().personId()).with(csrf()).cookie(bo)
				.param("bio", "hacked").param("timeZone", "UTC").param("version", String.valueOf(ann.version())))
			.andExpect(status().isForbidden());
		Profile boNow = directory.profile(team.bo().personId(), user(team.bo()));
		mvc.perform(post("/people/{id}/edit", team.bo().personId()).with(csrf()).cookie(bo)
				.param("bio", "Not saved").param("timeZone", "Nowhere/Land").param("mentoringRole", "MENTEE")
				.param("mentoringCapacity", "0").param("version", String.valueOf(boNow.version())))
			.andExpect(status().isOk());
		// a later saved edit is the marker: the refused ones would have been audited before it
		mvc.perform(post("/people/{id}/edit", team.bo().personId()).with(csrf()).cookie(bo)
				.param("bio", "Marker").param("timeZone", "Europe/Lisbon").param("mentoringRole", "MENTEE")
				.param("mentoringCapacity", "0").param("version", String.valueOf(boNow.version())))
			.andExpect(redirectedUrl("/people/" + team.bo().personId()));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> auditActors(team.bo().personId()).size() == 3);
		assertThat(auditActors(team.ann().personId())).isEmpty();
		assertThat(directory.profile(team.ann().personId(), user(team.ann()))).isEqualTo(ann);
		assertThat(directory.profile(team.bo().personId(), user(team.bo())).bio()).isEqualTo("Marker");
	}
}
