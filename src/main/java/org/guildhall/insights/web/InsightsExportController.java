package org.guildhall.insights.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.guildhall.insights.InsightFilter;
import org.guildhall.insights.Insights;
import org.guildhall.insights.ProgrammeDashboard;
import org.guildhall.insights.internal.Exports;
import org.guildhall.insights.internal.PdfReport;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.web.AlsoAnswers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every insights table as CSV (formula cells neutralised) and the PDF report, in the browser
 * ({@code /insights/export/...}) and on the API ({@code /api/v1/insights/export/...}); the same
 * access rules as the pages.
 */
@RestController
@Tag(name = "Insights")
@AlsoAnswers({403, 404})
class InsightsExportController {

	private final Insights insights;

	InsightsExportController(Insights insights) {
		this.insights = insights;
	}

	@GetMapping({"/insights/export/dashboard.csv", "/api/v1/insights/export/dashboard.csv"})
	@ApiResponse(responseCode = "200", description = "A CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@Operation(summary = "The programme dashboard as CSV (same filters as the dashboard)")
	void dashboard(@RequestParam(required = false) @Nullable Long programme, @RequestParam(required = false) @Nullable String cohort,
			@RequestParam(required = false) @Nullable String department, @RequestParam(required = false) @Nullable String location,
			@RequestParam(required = false) @Nullable Integer level, HttpServletResponse response) throws IOException {
		ProgrammeDashboard d = insights.dashboard(InsightFilter.of(programme, cohort, department, location, level), me());
		Exports.dashboard(d, csv(response, "dashboard"));
	}

	@GetMapping({"/insights/export/outcomes.csv", "/api/v1/insights/export/outcomes.csv"})
	@ApiResponse(responseCode = "200", description = "A CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@Operation(summary = "Outcomes against comparable colleagues as CSV")
	void outcomes(@RequestParam(required = false) @Nullable Long programme, HttpServletResponse response) throws IOException {
		var outcomes = insights.outcomes(programme, me()).orElseThrow(Notyet::new);
		Exports.outcomes(outcomes, csv(response, "outcomes"));
	}

	@GetMapping({"/insights/export/network.csv", "/api/v1/insights/export/network.csv"})
	@ApiResponse(responseCode = "200", description = "A CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@Operation(summary = "The learning network's figures as CSV")
	void network(HttpServletResponse response) throws IOException {
		var network = insights.network(me()).orElseThrow(Notyet::new);
		Exports.network(network, csv(response, "network"));
	}

	@GetMapping({"/insights/export/skills.csv", "/api/v1/insights/export/skills.csv"})
	@ApiResponse(responseCode = "200", description = "A CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@Operation(summary = "Skills at risk and in short supply as CSV")
	void skills(@RequestParam(required = false) @Nullable Integer below, HttpServletResponse response) throws IOException {
		var skills = insights.skills(below, me()).orElseThrow(Notyet::new);
		Exports.skills(skills, csv(response, "skills"));
	}

	@GetMapping({"/insights/export/fairness.csv", "/api/v1/insights/export/fairness.csv"})
	@ApiResponse(responseCode = "200", description = "A CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@Operation(summary = "The fairness audit of a programme's matching as CSV (groups only, never a person)")
	void fairness(@RequestParam long programme, HttpServletResponse response) throws IOException {
		var audit = insights.fairness(programme, me());
		Exports.fairness(audit, csv(response, "fairness"));
	}

	@GetMapping({"/insights/export/report.pdf", "/api/v1/insights/export/report.pdf"})
	@ApiResponse(responseCode = "200", description = "A PDF file", content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
	@Operation(summary = "The insights report as PDF: dashboard, outcomes, network and skills with their charts")
	void report(@RequestParam(required = false) @Nullable Long programme, HttpServletResponse response) throws IOException {
		CurrentUser me = me();
		ProgrammeDashboard d = insights.dashboard(InsightFilter.of(programme, null, null, null, null), me);
		var outcomes = programme == null && !me.isAdmin() ? null : insights.outcomes(programme, me).orElse(null);
		var network = insights.network(me).orElse(null);
		var skills = insights.skills(null, me).orElse(null);
		response.setContentType("application/pdf");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"guildhall-insights.pdf\"");
		PdfReport.write(d, outcomes, network, skills, response.getOutputStream());
	}

	private static Writer csv(HttpServletResponse response, String name) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"guildhall-" + name + ".csv\"");
		return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
	}

	/** The figures are still being computed. */
	static final class Notyet extends NotFoundException {
		Notyet() {
			super("The figures are being computed; try again in a few seconds");
		}
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
