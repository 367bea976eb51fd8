package org.guildhall.insights.internal;

import java.awt.Color;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.guildhall.insights.Count;
import org.guildhall.insights.LearningNetwork;
import org.guildhall.insights.Outcomes;
import org.guildhall.insights.ProgrammeDashboard;
import org.guildhall.insights.Rate;
import org.guildhall.insights.SkillsReport;
import org.jspecify.annotations.Nullable;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The insights as a PDF for people who read on paper or forward a report: the programme
 * dashboard, outcomes, the network and skills, each chart drawn as bars beside its numbers.
 * Hidden figures read "fewer than 5" and draw no bar.
 */
public final class PdfReport {

	private static final Color BAR = new Color(0x1f, 0x5f, 0xbf);
	private static final Color SECOND = new Color(0xe0, 0x7b, 0x00);
	private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
	private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
	private static final Font TEXT = new Font(Font.HELVETICA, 9);
	private static final Font MUTED = new Font(Font.HELVETICA, 8, Font.ITALIC, Color.DARK_GRAY);

	private PdfReport() {
	}

	private record Bar(String label, @Nullable Double value, String shown) {
	}

	public static void write(ProgrammeDashboard d, @Nullable Outcomes outcomes, @Nullable LearningNetwork network,
			@Nullable SkillsReport skills, OutputStream out) {
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle("Guildhall insights: " + d.scope());
		document.open();
		document.add(new Paragraph("Guildhall insights: " + d.scope(), TITLE));
		document.add(new Paragraph("Counted " + DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").format(d.computedAt().atZone(ZoneOffset.UTC))
				+ " UTC. Groups of fewer than 5 people read \"fewer than 5\"; individual survey answers are never shown.", MUTED));
		if (d.suppressed()) {
			document.add(new Paragraph("Fewer than 5 mentees in this scope, so no programme figures are shown.", TEXT));
		}
		else {
			heading(document, "From enrolment to the end (mentees)");
			ProgrammeDashboard.Funnel f = d.funnel();
			bars(document, List.of(count("Enrolled", f.enrolled()), count("Matched", f.matched()), count("Started", f.started()),
					count("Completed", f.completed()), count("Ended early", f.endedEarly())), BAR);
			document.add(new Paragraph("Match rate " + d.matchRate().label() + " " + d.matchRate().interval()
					+ (d.timeToMatch().medianDays() == null ? "" : "; median time to match " + d.timeToMatch().medianDays() + " days"), TEXT));
			heading(document, "Pairs");
			ProgrammeDashboard.Pairs p = d.pairs();
			bars(document, List.of(count("Waiting for an answer", p.waiting()), count("Active", p.active()),
					count("of them quiet", p.quiet()), count("Completed", p.completed()), count("Ended early", p.endedEarly())), BAR);
			heading(document, "Meetings against the agreement");
			ProgrammeDashboard.Cadence c = d.cadence();
			bars(document, List.of(count("On cadence (80% or more)", c.onCadence()), count("Behind (40-80%)", c.behind()),
					count("Far behind (under 40%)", c.farBehind()), count("No agreement yet", c.noAgreement())), BAR);
			document.add(new Paragraph("Goals achieved: " + d.goals().completion().label() + " of " + d.goals().set().label()
					+ " goals set.", TEXT));
			heading(document, "Satisfaction (surveys, 1 to 5)");
			List<Bar> ratings = new ArrayList<>();
			for (int i = 0; i < d.satisfaction().distribution().size(); i++) {
				ratings.add(count(i + 1 + " of 5", d.satisfaction().distribution().get(i)));
			}
			bars(document, ratings, BAR);
			heading(document, "Why pairs ended early");
			bars(document, d.earlyEndings().stream().map(r -> count(r.category(), r.pairs())).toList(), SECOND);
			heading(document, "By the mentee's department");
			bars(document, d.byDepartment().stream().map(g -> rate(g.group(), g.matchRate())).toList(), BAR);
		}
		if (outcomes != null) {
			heading(document, "Outcomes against comparable colleagues (" + outcomes.scope() + ")");
			document.add(new Paragraph(Outcomes.CAVEAT, MUTED));
			for (Outcomes.Side side : outcomes.sides()) {
				document.add(new Paragraph(capital(side.role()) + ": " + side.participants().label() + " against "
						+ side.comparison().label() + " comparable colleagues", TEXT));
				List<Bar> rows = new ArrayList<>();
				for (Outcomes.Row r : side.rows()) {
					rows.add(rate(r.label() + ", " + side.role(), r.participants()));
					rows.add(rate(r.label() + ", comparison", r.comparison()));
				}
				bars(document, rows, BAR);
			}
		}
		if (network != null) {
			heading(document, "Learning network");
			document.add(new Paragraph(network.organisation().connectedShare().label() + " of people connected; "
					+ network.organisation().isolated().label() + " with no learning link; "
					+ network.organisation().crossingShare().label() + " of links cross departments; " + network.clusters().count()
					+ " clusters. Bridging " + network.method().describe() + ".", TEXT));
			bars(document, network.departments().stream().map(r -> rate(r.group(), r.connectedShare())).toList(), BAR);
		}
		if (skills != null) {
			heading(document, "Knowledge at risk (fewer than " + skills.threshold() + " experts staying)");
			bars(document, skills.atRisk().stream().limit(15)
				.map(r -> new Bar(r.skill(), (double) r.experts(), r.experts() + " staying, " + r.leaving() + " leaving, " + r.left() + " left")).toList(), SECOND);
			heading(document, "Many want to learn, few can teach");
			bars(document, skills.gaps().stream().limit(15)
				.map(g -> new Bar(g.skill(), g.perTeacher(), g.learners() + " learners, " + g.teachers() + " teachers")).toList(), SECOND);
		}
		document.close();
	}

	private static String capital(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static Bar count(String label, Count c) {
		return new Bar(label, c.value() == null ? null : c.value().doubleValue(), c.label());
	}

	private static Bar rate(String label, Rate r) {
		return new Bar(label, r.value() == null ? null : r.value() * 100, r.label() + (r.value() == null ? "" : " " + r.interval()));
	}

	private static void heading(Document document, String text) {
		Paragraph heading = new Paragraph(text, HEADING);
		heading.setSpacingBefore(12);
		heading.setSpacingAfter(4);
		document.add(heading);
	}

	/** A bar chart as a table: label, a bar as long as the value (none when hidden), the number. */
	private static void bars(Document document, List<Bar> bars, Color colour) {
		double max = bars.stream().filter(b -> b.value() != null).mapToDouble(Bar::value).max().orElse(0);
		PdfPTable table = new PdfPTable(new float[] {30, 50, 20});
		table.setWidthPercentage(100);
		for (Bar bar : bars) {
			table.addCell(plain(bar.label()));
			PdfPCell holder = new PdfPCell();
			holder.setBorder(0);
			holder.setPadding(2);
			if (bar.value() != null && max > 0 && bar.value() > 0) {
				float share = (float) Math.max(0.5, Math.min(100, bar.value() / max * 100));
				PdfPTable inner = new PdfPTable(share >= 100 ? new float[] {100} : new float[] {share, 100 - share});
				inner.setWidthPercentage(100);
				PdfPCell filled = new PdfPCell(new Phrase(" ", TEXT));
				filled.setBackgroundColor(colour);
				filled.setBorder(0);
				filled.setFixedHeight(9);
				inner.addCell(filled);
				if (share < 100) {
					PdfPCell empty = new PdfPCell(new Phrase(" ", TEXT));
					empty.setBorder(0);
					inner.addCell(empty);
				}
				holder.addElement(inner);
			}
			table.addCell(holder);
			PdfPCell number = plain(bar.shown());
			number.setHorizontalAlignment(Element.ALIGN_RIGHT);
			table.addCell(number);
		}
		document.add(table);
	}

	private static PdfPCell plain(String text) {
		PdfPCell cell = new PdfPCell(new Phrase(text, TEXT));
		cell.setBorder(0);
		cell.setPadding(2);
		return cell;
	}
}
