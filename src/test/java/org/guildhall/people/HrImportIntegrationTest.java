package org.guildhall.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.guildhall.people.HrImportStatus.State;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.web.UploadLimits;
import org.guildhall.testing.GuildhallTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@GuildhallTest
class HrImportIntegrationTest {

	@Autowired
	HrImports imports;

	@Autowired
	PeopleDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private final CurrentUser admin = new CurrentUser(0, "admin@example.com", "Admin", null, java.util.Set.of(CurrentUser.ADMIN));

	private String file(String... rows) {
		StringBuilder csv = new StringBuilder("employee_id,email,full_name,title,department,location,manager,skills,languages,goals\n");
		for (String row : rows) {
			csv.append(row.replace("{r}", run)).append('\n');
		}
		return csv.toString();
	}

	private HrImportStatus importNow(String csv) {
		HrImportStatus preview = imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), "admin@example.com");
		assertThat(preview.state()).as("preview of %s: %s", csv, imports.issues(preview.id())).isEqualTo(State.PREVIEWED);
		return imports.applyNow(preview.id());
	}

	@Test
	void previewChangesNothingApplyCreatesEveryoneAndTheSameFileAgainChangesNothing() {
		String csv = file("A{r},ceo-{r}@example.com,Cora Chief,CEO,Leadership,Berlin,,Java:5:teach,English; German,Grow the next leaders",
				"B{r},ann-{r}@example.com,\"Okafor, Ann\",Engineering Lead,Engineering,Berlin,ceo-{r}@example.com,JS:4:teach; k8s:2:learn,English,Learn Kubernetes | Coach my team",
				"C{r},bo-{r}@example.com,Bo Ek,Engineer,Engineering,Lisbon,B{r},,Portuguese,");

		HrImportStatus preview = imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), "admin@example.com");
		assertThat(preview.state()).isEqualTo(State.PREVIEWED);
		assertThat(preview.toCreate()).isEqualTo(3);
		assertThat(directory.findIdByEmail("ann-" + run + "@example.com")).as("preview writes nothing").isEmpty();
		assertThat(imports.plannedChanges(preview.id())).extracting(HrImportStatus.PlannedChange::summary)
			.contains("new: Okafor, Ann, Engineering Lead, Engineering");

		HrImportStatus applied = imports.applyNow(preview.id());
		assertThat(applied.state()).isEqualTo(State.APPLIED);

		long annId = directory.findIdByEmail("ann-" + run + "@example.com").orElseThrow();
		Profile ann = directory.profile(annId, admin);
		assertThat(ann.fullName()).isEqualTo("Okafor, Ann");
		assertThat(ann.manager().fullName()).isEqualTo("Cora Chief");
		assertThat(ann.reports()).extracting(PersonRef::fullName).containsExactly("Bo Ek");
		assertThat(ann.skills()).extracting(SkillEntry::name).containsExactlyInAnyOrder("JavaScript", "Kubernetes");
		assertThat(ann.goals()).containsExactly("Learn Kubernetes", "Coach my team");
		assertThat(ann.languages()).containsExactly("English");

		HrImportStatus again = imports.uploadAndPreview("people.csv", csv.getBytes(StandardCharsets.UTF_8), "admin@example.com");
		assertThat(again.toCreate() + again.toUpdate()).isZero();
		assertThat(again.unchanged()).isEqualTo(3);
		assertThat(imports.applyNow(again.id()).state()).isEqualTo(State.APPLIED);
		assertThat(directory.profile(annId, admin).version()).as("nothing was rewritten").isEqualTo(ann.version());
	}

	@Test
	void updatesAndDeactivatesAndTheDirectoryFollows() {
		importNow(file("A{r},x-{r}@example.com,Xia Wu,Analyst,Data,Toronto,,,,",
				"B{r},y-{r}@example.com,Yusuf Demir,Analyst,Data,Toronto,,,,"));
		// the file is a full export: everyone not in it is deactivated, including other tests' people
		HrImportStatus second = importNow(file("A{r},x-{r}@example.com,Xia Wu,Senior Analyst,Data,Toronto,,,,"));
		assertThat(second.toUpdate()).isEqualTo(1);
		assertThat(second.toDeactivate()).isGreaterThanOrEqualTo(1);

		long xia = directory.findIdByEmail("x-" + run + "@example.com").orElseThrow();
		long yusuf = directory.findIdByEmail("y-" + run + "@example.com").orElseThrow();
		assertThat(directory.profile(xia, admin).title()).isEqualTo("Senior Analyst");
		assertThat(directory.isActive(yusuf)).isFalse();
		assertThat(directory.search(new DirectoryQuery("Yusuf", null, null, null, false), new PageRequest(0, 20)).total()).isZero();
	}

	@Test
	void aFileWithErrorsCannotBeApplied() {
		HrImportStatus preview = imports.uploadAndPreview("bad.csv",
				file("A{r},not-an-email,Ann,,,,,,,").getBytes(StandardCharsets.UTF_8), "admin@example.com");
		assertThat(preview.state()).isEqualTo(State.INVALID);
		assertThat(imports.issues(preview.id())).singleElement().satisfies(issue -> {
			assertThat(issue.line()).isEqualTo(2);
			assertThat(issue.column()).isEqualTo("email");
		});
		assertThatThrownBy(() -> imports.applyNow(preview.id())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("has errors");
	}

	@Test
	void applyingIsAllOrNothingWhenTheDataChangedSincePreview() {
		HrImportStatus preview = imports.uploadAndPreview("people.csv",
				file("A{r},p-{r}@example.com,Pia,,,,,,,", "B{r},q-{r}@example.com,Quinn,,,,,,,").getBytes(StandardCharsets.UTF_8),
				"admin@example.com");
		// someone else takes one of the e-mails after the preview
		importNow(file("Z{r},q-{r}@example.com,Zed,,,,,,,"));

		HrImportStatus result = imports.applyNow(preview.id());

		assertThat(result.state()).isEqualTo(State.FAILED);
		assertThat(result.failure()).contains("nothing was changed").contains("already belongs to Zed");
		assertThat(directory.findIdByEmail("p-" + run + "@example.com")).as("no half-applied rows").isEmpty();
	}

	@Test
	void uploadRunsInTheBackgroundWithProgressAndCanBeAppliedOnce() {
		HrImportStatus started = imports.upload("people.csv",
				file("A{r},bg-{r}@example.com,Bea Grant,,,,,,,").getBytes(StandardCharsets.UTF_8), "admin@example.com");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !imports.status(started.id()).state().running());
		assertThat(imports.status(started.id()).state()).isEqualTo(State.PREVIEWED);

		imports.apply(started.id());
		assertThatThrownBy(() -> imports.apply(started.id())).isInstanceOf(ConflictException.class);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> imports.status(started.id()).state() == State.APPLIED);
		assertThat(directory.findIdByEmail("bg-" + run + "@example.com")).isPresent();
	}

	@Test
	void filesOverTheLimitAndEmptyFilesAreRefusedWithAMessage() {
		byte[] tooBig = new byte[(int) UploadLimits.MAX_UPLOAD_BYTES + 1];
		assertThatThrownBy(() -> imports.upload("big.csv", tooBig, "admin@example.com"))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than the limit of 100 MB");
		assertThatThrownBy(() -> imports.upload("empty.csv", new byte[0], "admin@example.com"))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
	}
}
