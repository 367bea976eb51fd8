package org.guildhall.people.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.guildhall.people.Characteristic;
import org.guildhall.people.CharacteristicsSettings;

/** The administrators' form: on or off, and each characteristic with its answers one per line. */
public class CharacteristicsForm {

	private boolean on;
	private List<Row> rows = new ArrayList<>();

	public static CharacteristicsForm of(CharacteristicsSettings settings) {
		CharacteristicsForm form = new CharacteristicsForm();
		form.on = settings.on();
		for (Characteristic c : settings.characteristics()) {
			Row row = new Row();
			row.key = c.key();
			row.name = c.name();
			row.answers = String.join("\n", c.answers());
			row.asked = c.asked();
			form.rows.add(row);
		}
		form.rows.add(new Row()); // room for one more
		return form;
	}

	/** The characteristics to keep: every row with a name or answers (a row with neither is forgotten). */
	List<Characteristic> characteristics() {
		return rows.stream().filter(r -> !(r.name == null || r.name.isBlank()) || !(r.answers == null || r.answers.isBlank()))
			.map(r -> new Characteristic(r.key == null ? "" : r.key, r.name == null ? "" : r.name,
					r.answers == null ? List.of() : Arrays.asList(r.answers.split("\\R")), r.asked))
			.toList();
	}

	public boolean isOn() { return on; }
	public void setOn(boolean on) { this.on = on; }
	public List<Row> getRows() { return rows; }
	public void setRows(List<Row> rows) { this.rows = rows; }

	public static class Row {
		private String key = "";
		private String name = "";
		private String answers = "";
		private boolean asked;

		public String getKey() { return key; }
		public void setKey(String key) { this.key = key; }
		public String getName() { return name; }
		public void setName(String name) { this.name = name; }
		public String getAnswers() { return answers; }
		public void setAnswers(String answers) { this.answers = answers; }
		public boolean isAsked() { return asked; }
		public void setAsked(boolean asked) { this.asked = asked; }
	}
}
