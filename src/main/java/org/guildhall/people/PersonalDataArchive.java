package org.guildhall.people;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.PersonalDataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Download everything about me" (GDPR articles 15 and 20): one ZIP with a JSON file for each module
 * that keeps personal data ({@link PersonalDataSource}) and a README. Only ever for the signed-in
 * person themself: there is no way to ask for someone else's archive.
 */
@Service
public class PersonalDataArchive {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final List<PersonalDataSource> sources;

	PersonalDataArchive(List<PersonalDataSource> sources) {
		this.sources = sources.stream().sorted(Comparator.comparing(PersonalDataSource::part)).toList();
	}

	/** The archive's file name for a download. */
	public String fileName(CurrentUser me) {
		return "guildhall-data-" + (me.personId() != null ? "person-" + me.personId() : "account-" + me.accountId()) + ".zip";
	}

	/** Writes the signed-in user's archive; the parts are read in one transaction, so they agree. */
	@Transactional(readOnly = true)
	public void write(CurrentUser me, OutputStream out) throws IOException {
		var subject = new PersonalDataSource.Subject(me.accountId(), me.email(), me.personId());
		Map<String, byte[]> parts = new LinkedHashMap<>();
		for (PersonalDataSource source : sources) {
			parts.put(source.part() + ".json", JSON.writeValueAsBytes(source.export(subject)));
		}
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		zip.putNextEntry(new ZipEntry("README.txt"));
		zip.write(readme(me).getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		for (var part : parts.entrySet()) {
			zip.putNextEntry(new ZipEntry(part.getKey()));
			zip.write(part.getValue());
			zip.closeEntry();
		}
		zip.finish();
	}

	private String readme(CurrentUser me) {
		StringBuilder text = new StringBuilder();
		text.append("Everything Guildhall holds about ").append(me.displayName()).append(" <").append(me.email()).append(">\n")
			.append("Written ").append(Instant.now()).append(".\n\n")
			.append("One JSON file per part of Guildhall. Dates are ISO 8601 in UTC; ids are Guildhall's own.\n")
			.append("Secrets (your password, the secret part of your access tokens, your authenticator key and\n")
			.append("recovery codes) are never included: Guildhall stores only hashes of them.\n\n");
		for (PersonalDataSource source : sources) {
			text.append(source.part()).append(".json: ").append(source.describes()).append('\n');
		}
		text.append("\nTo have your data erased, ask an administrator of Guildhall.\n");
		return text.toString();
	}
}
