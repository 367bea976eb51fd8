package org.guildhall.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pages name a field the way people read it, never by the code's name for it. */
class FieldProblemTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			title                        | Title
			timeZone                     | Time zone
			weights.crossDepartment      | Weights: cross department
			skills[2].proficiency        | Skill 3: proficiency
			goals[0]                     | Goal 1
			characteristics[1].answers   | Characteristic 2: answers
			topics[0]                    | Topic 1
			answers.<list element>       | Answers
			address                      | Address
			q                            | Search text
			''                           | Input
			""")
	void labels(String field, String label) {
		assertThat(new FieldProblem(field, "must not be blank").label()).isEqualTo(label);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			mentoringCapacity | must be at most 10 | Mentoring capacity must be at most 10
			""")
	void sentences(String field, String message, String sentence) {
		assertThat(new FieldProblem(field, message).sentence()).isEqualTo(sentence);
	}
}
