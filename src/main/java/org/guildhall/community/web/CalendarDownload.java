package org.guildhall.community.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An iCalendar text as a file download, for the API and the pages alike. */
final class CalendarDownload {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private CalendarDownload() {
	}

	static ResponseEntity<String> of(String calendar, String fileName) {
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.body(calendar);
	}
}
