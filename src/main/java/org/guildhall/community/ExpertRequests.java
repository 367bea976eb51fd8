package org.guildhall.community;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guildhall.community.internal.PostStore;
import org.guildhall.community.internal.PostStore.PostRow;
import org.guildhall.community.internal.Texts;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.shared.Calendars;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.guildhall.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ask an expert: routes a question to the three to five people best placed to answer it, and lets
 * each of them answer, decline or offer a short flash mentoring session.
 * <p>
 * <b>Who is asked.</b> The {@link ExpertFinder} ranks people for each of the question's topics and
 * for its title (the title's evidence counts half); scores add up. The asker, people who already
 * answered and people already asked about this question are left out. To spread the load, each
 * candidate's score is multiplied by {@code 0.6^open × 0.9^recent}, where {@code open} is the number
 * of requests still waiting for their reply and {@code recent} the number they received in the
 * last 30 days: someone with two unanswered requests keeps 36% of their score, so a slightly
 * weaker but idle expert goes first. The three best after that are asked; a fourth and fifth only
 * when they reach at least half of the best one's adjusted score. Each expert asked gets an
 * {@link ExpertAsked} event.
 * <p>
 * <b>Access.</b> Only the asker (or an administrator, who moderates) routes a question; only the
 * expert a request was sent to answers, declines or offers a session; only the asker picks a slot;
 * a request is visible to its expert, the asker and administrators.
 */
@Service
public class ExpertRequests {

	public static final int MIN_EXPERTS = 3;
	public static final int MAX_EXPERTS = 5;
	/** At most this many requests, in all, for one question. */
	public static final int MAX_PER_QUESTION = 15;
	public static final int MAX_SLOTS = 3;
	public static final int MESSAGE_MAX = 1_000;
	public static final int DECLINE_MAX = 500;
	static final Duration RECENT = Duration.ofDays(30);
	static final Duration FURTHEST_SLOT = Duration.ofDays(60);

	private final JdbcClient jdbc;
	private final ExpertFinder finder;
	private final QuestionBoard questions;
	private final PostStore posts;
	private final PeopleDirectory people;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	ExpertRequests(JdbcClient jdbc, ExpertFinder finder, QuestionBoard questions, PostStore posts, PeopleDirectory people,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.finder = finder;
		this.questions = questions;
		this.posts = posts;
		this.people = people;
		this.events = events;
	}

	/**
	 * Routes the question to the best placed experts (see the class comment) and returns the new
	 * requests; empty when nobody suitable is found. Refused while earlier requests still wait.
	 */
	@Transactional
	public List<ExpertRequest> route(long questionId, CurrentUser user) {
		PostRow question = liveQuestion(questionId);
		if (!user.is(question.authorId()) && !user.isAdmin()) {
			throw new AccessDeniedException("Only the person who asked (or an administrator) can ask experts about this question");
		}
		record Earlier(long expertId, String state) {
		}
		List<Earlier> earlier = jdbc.sql("SELECT expert_id, state FROM community_expert_request WHERE question_id = ?")
			.param(questionId).query((rs, n) -> new Earlier(rs.getLong(1), rs.getString(2))).list();
		long waiting = earlier.stream().filter(e -> e.state().equals("OPEN")).count();
		if (waiting > 0) {
			throw new ConflictException(waiting + " expert(s) were already asked and have not replied yet; wait for them first.");
		}
		if (earlier.size() >= MAX_PER_QUESTION) {
			throw new ConflictException("This question was already sent to " + earlier.size() + " experts, the most allowed.");
		}
		Set<Long> excluded = new HashSet<>();
		excluded.add(question.authorId());
		earlier.forEach(e -> excluded.add(e.expertId()));
		jdbc.sql("SELECT DISTINCT author_id FROM community_post WHERE question_id = ? AND deleted_at IS NULL")
			.param(questionId).query(Long.class).list().forEach(excluded::add);

		Map<Long, Candidate> candidates = new LinkedHashMap<>();
		List<Topic> topics = posts.topicsOf(List.of(questionId)).getOrDefault(questionId, List.of());
		for (Topic topic : topics) {
			consider(finder.whoKnows(topic.name(), ExpertFinder.MAX_RESULTS), 1.0, excluded, candidates);
		}
		String title = question.title() == null ? "" : question.title();
		if (!title.isBlank()) {
			consider(finder.whoKnows(title.length() > CommunitySearch.MAX_QUERY_LENGTH
					? title.substring(0, CommunitySearch.MAX_QUERY_LENGTH) : title, ExpertFinder.MAX_RESULTS), 0.5, excluded, candidates);
		}
		if (candidates.isEmpty()) {
			return List.of();
		}
		loads(candidates);
		List<Candidate> ranked = candidates.values().stream()
			.sorted(Comparator.comparingDouble(Candidate::adjusted).reversed().thenComparingLong(c -> c.personId)).toList();
		int room = Math.min(MAX_EXPERTS, MAX_PER_QUESTION - earlier.size());
		List<Candidate> chosen = new ArrayList<>();
		for (Candidate candidate : ranked) {
			if (chosen.size() >= room) {
				break;
			}
			if (chosen.size() >= MIN_EXPERTS && candidate.adjusted() < 0.5 * chosen.get(0).adjusted()) {
				break;
			}
			chosen.add(candidate);
		}
		long routedBy = user.accountId();
		List<Long> ids = new ArrayList<>();
		for (Candidate candidate : chosen) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			try {
				jdbc.sql("""
						INSERT INTO community_expert_request (question_id, expert_id, asker_id, routed_by, reasons)
						VALUES (:question, :expert, :asker, :by, :reasons)""")
					.param("question", questionId).param("expert", candidate.personId).param("asker", question.authorId())
					.param("by", routedBy).param("reasons", candidate.reasonText()).update(keys, "id");
			}
			catch (DuplicateKeyException e) {
				throw new ConflictException("Someone routed this question at the same moment; reload to see who was asked.");
			}
			ids.add(keys.getKey().longValue());
			events.publishEvent(new ExpertAsked(questionId, candidate.personId, question.authorId(), title));
		}
		return load("r.id IN (:ids)", Map.of("ids", ids.isEmpty() ? List.of(-1L) : ids));
	}

	/** Whether the user may route this question to experts: its asker or an administrator. */
	@Transactional(readOnly = true)
	public boolean mayRoute(long questionId, CurrentUser user) {
		PostRow question = liveQuestion(questionId);
		return user.is(question.authorId()) || user.isAdmin();
	}

	/** The requests about a question: all of them for the asker and administrators, one's own for an expert, none for others. */
	@Transactional(readOnly = true)
	public List<ExpertRequest> forQuestion(long questionId, CurrentUser viewer) {
		PostRow question = liveQuestion(questionId);
		if (viewer.is(question.authorId()) || viewer.isAdmin()) {
			return load("r.question_id = :question", Map.of("question", questionId));
		}
		if (viewer.personId() == null) {
			return List.of();
		}
		return load("r.question_id = :question AND r.expert_id = :me", Map.of("question", questionId, "me", viewer.personId()));
	}

	/**
	 * The requests sent to the user as an expert: waiting ones first (open, then offered), then
	 * scheduled sessions, then the latest closed ones; at most 100.
	 */
	@Transactional(readOnly = true)
	public List<ExpertRequest> sentTo(CurrentUser expert) {
		long me = Participants.personOf(expert);
		return load("r.expert_id = :me", Map.of("me", me)).stream()
			.sorted(Comparator.comparingInt((ExpertRequest r) -> order(r.state())).thenComparing(ExpertRequest::askedAt,
					Comparator.reverseOrder()))
			.limit(100).toList();
	}

	/** Flash sessions the user agreed on, as expert or as asker, soonest first. */
	@Transactional(readOnly = true)
	public List<ExpertRequest> sessions(CurrentUser user) {
		long me = Participants.personOf(user);
		return load("r.state = 'SCHEDULED' AND (r.expert_id = :me OR r.asker_id = :me)", Map.of("me", me)).stream()
			.sorted(Comparator.comparing(r -> r.offer() == null || r.offer().agreed() == null ? Instant.MAX
					: r.offer().agreed().startsAt()))
			.toList();
	}

	/** One request, for its expert, the asker or an administrator. */
	@Transactional(readOnly = true)
	public ExpertRequest get(long requestId, CurrentUser viewer) {
		ExpertRequest request = find(requestId);
		if (!viewer.is(request.expert().id()) && !viewer.is(request.asker().id()) && !viewer.isAdmin()) {
			throw new AccessDeniedException("This request is between the expert and the person who asked");
		}
		return request;
	}

	/**
	 * The agreed flash session as an iCalendar invitation, for the expert, the asker or an
	 * administrator: UID {@code flash-session-<request id>@guildhall}, METHOD:REQUEST, the expert as
	 * organiser and the asker as attendee (accepted: they picked the time). Refused until a time is agreed.
	 */
	@Transactional(readOnly = true)
	public String invitation(long requestId, CurrentUser viewer) {
		ExpertRequest request = get(requestId, viewer);
		FlashOffer offer = request.offer();
		if (request.state() != ExpertRequest.State.SCHEDULED || offer == null || offer.agreed() == null) {
			throw new ConflictException("No time has been agreed for a session on this request yet.");
		}
		Map<Long, String> emails = people.emails(List.of(request.expert().id(), request.asker().id()));
		if (!emails.containsKey(request.expert().id()) || !emails.containsKey(request.asker().id())) {
			throw new NotFoundException("The expert or the person who asked is no longer in the directory");
		}
		String description = offer.message() + "\n\nAbout the question: " + request.questionTitle()
				+ (offer.meetingLink() != null ? "\nJoin: " + offer.meetingLink() : "");
		return Calendars.invitation(new Calendars.Meeting("flash-session-" + requestId + "@guildhall", 0, false,
				offer.agreed().startsAt(), offer.minutes(), null, offer.meetingLink(),
				"Flash mentoring: " + request.questionTitle(), description,
				new Calendars.Person(emails.get(request.expert().id()), request.expert().fullName()),
				List.of(new Calendars.Person(emails.get(request.asker().id()), request.asker().fullName(), Calendars.Answer.ACCEPTED))),
				clock.instant());
	}

	/** The expert answers: the answer goes to the question, the request is closed as answered. */
	@Transactional
	public ExpertRequest answer(long requestId, @Nullable String text, CurrentUser expert) {
		ExpertRequest request = ownRequest(requestId, expert);
		if (request.state() != ExpertRequest.State.OPEN && request.state() != ExpertRequest.State.OFFERED) {
			throw new ConflictException("This request is already " + request.state().name().toLowerCase() + ".");
		}
		questions.answer(request.questionId(), text, expert);
		move(requestId, "ANSWERED", "'OPEN', 'OFFERED'");
		return find(requestId);
	}

	/** The expert declines, with an optional reason (at most 500 characters) the asker sees. */
	@Transactional
	public ExpertRequest decline(long requestId, @Nullable String reason, CurrentUser expert) {
		ownRequest(requestId, expert);
		String clean = reason == null || reason.isBlank() ? null : reason.strip();
		if (clean != null && clean.length() > DECLINE_MAX) {
			throw new InvalidInputException("reason", "must be at most " + DECLINE_MAX + " characters (it has " + clean.length() + ")");
		}
		int changed = jdbc.sql("""
				UPDATE community_expert_request SET state = 'DECLINED', decline_reason = ?, closed_at = CURRENT_TIMESTAMP,
				       version = version + 1
				WHERE id = ? AND state = 'OPEN'""").params(clean, requestId).update();
		if (changed == 0) {
			throw new ConflictException("Only an open request can be declined.");
		}
		return find(requestId);
	}

	/** The expert offers a flash mentoring session with proposed start times; every field is checked together. */
	@Transactional
	public ExpertRequest offer(long requestId, NewFlashOffer offer, CurrentUser expert) {
		ownRequest(requestId, expert);
		List<FieldProblem> problems = new ArrayList<>();
		String message = Texts.check("message", offer.message(), 1, MESSAGE_MAX, problems);
		Integer minutes = offer.minutes();
		if (minutes == null || minutes < 15 || minutes > 60) {
			problems.add(new FieldProblem("minutes", "must be between 15 and 60"));
		}
		List<Instant> slots = offer.slots() == null ? List.of() : offer.slots().stream().filter(s -> s != null).distinct().sorted().toList();
		Instant now = clock.instant();
		if (slots.isEmpty()) {
			problems.add(new FieldProblem("slots", "propose at least one start time"));
		}
		else if (slots.size() > MAX_SLOTS) {
			problems.add(new FieldProblem("slots", "propose at most " + MAX_SLOTS + " start times"));
		}
		else {
			for (int i = 0; i < slots.size(); i++) {
				if (!slots.get(i).isAfter(now)) {
					problems.add(new FieldProblem("slots[" + i + "]", "must be in the future"));
				}
				else if (slots.get(i).isAfter(now.plus(FURTHEST_SLOT))) {
					problems.add(new FieldProblem("slots[" + i + "]", "must be within the next 60 days"));
				}
			}
		}
		String link = offer.meetingLink() == null || offer.meetingLink().isBlank() ? null : offer.meetingLink().strip();
		if (link != null && !isWebLink(link)) {
			problems.add(new FieldProblem("meetingLink", "must be an https:// address of at most 500 characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int changed = jdbc.sql("UPDATE community_expert_request SET state = 'OFFERED', version = version + 1 WHERE id = ? AND state = 'OPEN'")
			.param(requestId).update();
		if (changed == 0) {
			throw new ConflictException("A session can only be offered on an open request.");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO community_flash_offer (request_id, message, minutes, meeting_link) VALUES (:request, :message, :minutes, :link)")
			.param("request", requestId).param("message", message).param("minutes", minutes).param("link", link)
			.update(keys, "id");
		long offerId = keys.getKey().longValue();
		for (Instant slot : slots) {
			jdbc.sql("INSERT INTO community_flash_slot (offer_id, starts_at) VALUES (?, ?)").params(offerId, utc(slot)).update();
		}
		ExpertRequest offered = find(requestId);
		events.publishEvent(new ExpertSessionOffered(requestId, offered.questionId(), offered.expert().id(), offered.asker().id(),
				offered.questionTitle()));
		return offered;
	}

	/** The asker picks one of the offered start times; the session is then agreed for both. */
	@Transactional
	public ExpertRequest acceptSlot(long requestId, long slotId, CurrentUser asker) {
		ExpertRequest request = find(requestId);
		if (!asker.is(request.asker().id())) {
			throw new AccessDeniedException("Only the person who asked can pick a time for the session");
		}
		FlashOffer offer = request.offer();
		if (request.state() != ExpertRequest.State.OFFERED || offer == null) {
			throw new ConflictException("There is no offered session waiting for a time on this request.");
		}
		if (offer.slots().stream().noneMatch(s -> s.id() == slotId)) {
			throw new InvalidInputException("slotId", "is not one of the offered start times");
		}
		int changed = jdbc.sql("UPDATE community_expert_request SET state = 'SCHEDULED', version = version + 1 WHERE id = ? AND state = 'OFFERED'")
			.param(requestId).update();
		if (changed == 0) {
			throw new ConflictException("The session was changed meanwhile; reload and try again.");
		}
		jdbc.sql("UPDATE community_flash_offer SET agreed_slot_id = ?, agreed_at = CURRENT_TIMESTAMP WHERE id = ?")
			.params(slotId, offer.id()).update();
		events.publishEvent(new ExpertSessionAgreed(requestId, request.expert().id(), request.asker().id()));
		closeOthers(request.questionId(), requestId, ExpertRequestClosed.Reason.SESSION_AGREED_WITH_ANOTHER_EXPERT);
		return find(requestId);
	}

	/** Once an answer is accepted, the experts still asked about the question are no longer needed. */
	@ApplicationModuleListener
	void on(AnswerAccepted event) {
		closeOthers(event.questionId(), null, ExpertRequestClosed.Reason.ANSWER_ACCEPTED);
	}

	/** Closes the question's open and offered requests (but {@code keep}) and tells each expert, through an event. */
	private void closeOthers(long questionId, @Nullable Long keep, ExpertRequestClosed.Reason reason) {
		List<ExpertRequest> open = load("r.question_id = :question AND r.state IN ('OPEN', 'OFFERED')", Map.of("question", questionId));
		for (ExpertRequest other : open) {
			if (keep != null && other.id() == keep) {
				continue;
			}
			int changed = jdbc.sql("""
					UPDATE community_expert_request SET state = 'CLOSED', closed_at = CURRENT_TIMESTAMP, version = version + 1
					WHERE id = ? AND state IN ('OPEN', 'OFFERED')""").param(other.id()).update();
			if (changed == 1) {
				events.publishEvent(new ExpertRequestClosed(other.id(), questionId, other.expert().id(), other.asker().id(),
						other.questionTitle(), reason));
			}
		}
	}

	/** An expert who answers the question on its page (not through the request) has answered the request too. */
	@ApplicationModuleListener
	void on(AnswerPosted event) {
		jdbc.sql("""
				UPDATE community_expert_request SET state = 'ANSWERED', closed_at = CURRENT_TIMESTAMP, version = version + 1
				WHERE question_id = ? AND expert_id = ? AND state IN ('OPEN', 'OFFERED')""")
			.params(event.questionId(), event.authorId()).update();
	}

	private void move(long requestId, String to, String fromStates) {
		jdbc.sql("UPDATE community_expert_request SET state = ?, closed_at = CURRENT_TIMESTAMP, version = version + 1 WHERE id = ? AND state IN ("
				+ fromStates + ")").params(to, requestId).update();
	}

	private void consider(List<Expert> found, double weight, Set<Long> excluded, Map<Long, Candidate> candidates) {
		for (Expert expert : found) {
			long id = expert.person().id();
			if (!excluded.contains(id)) {
				Candidate candidate = candidates.computeIfAbsent(id, Candidate::new);
				candidate.score += weight * expert.score();
				for (String reason : expert.reasons()) {
					if (!candidate.reasons.contains(reason)) {
						candidate.reasons.add(reason);
					}
				}
			}
		}
	}

	private void loads(Map<Long, Candidate> candidates) {
		OffsetDateTime since = utc(clock.instant().minus(RECENT));
		jdbc.sql("""
				SELECT expert_id, SUM(CASE WHEN state = 'OPEN' THEN 1 ELSE 0 END),
				       SUM(CASE WHEN asked_at > :since THEN 1 ELSE 0 END)
				FROM community_expert_request WHERE expert_id IN (:ids) AND (state = 'OPEN' OR asked_at > :since)
				GROUP BY expert_id""")
			.param("ids", candidates.keySet()).param("since", since)
			.query(rs -> {
				Candidate candidate = candidates.get(rs.getLong(1));
				candidate.open = rs.getInt(2);
				candidate.recent = rs.getInt(3);
			});
	}

	private ExpertRequest ownRequest(long requestId, CurrentUser expert) {
		ExpertRequest request = find(requestId);
		if (!expert.is(request.expert().id())) {
			throw new AccessDeniedException("Only the expert this request was sent to can act on it");
		}
		return request;
	}

	private ExpertRequest find(long requestId) {
		List<ExpertRequest> found = load("r.id = :id", Map.of("id", requestId));
		if (found.isEmpty()) {
			throw new NotFoundException("No expert request with id " + requestId);
		}
		return found.get(0);
	}

	private PostRow liveQuestion(long questionId) {
		return posts.find(questionId).filter(p -> p.kind() == PostKind.QUESTION && !p.deleted())
			.orElseThrow(() -> new NotFoundException("No question with id " + questionId));
	}

	/** Requests matching a condition on {@code r} (the request), on live questions, oldest first; with offers and people. */
	private List<ExpertRequest> load(String where, Map<String, ?> params) {
		record Row(long id, long questionId, String title, long expertId, long askerId, String state, String reasons,
				@Nullable String declineReason, Instant askedAt, @Nullable Instant closedAt) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT r.id, r.question_id, q.title, r.expert_id, r.asker_id, r.state, r.reasons, r.decline_reason, r.asked_at,
				       r.closed_at
				FROM community_expert_request r JOIN community_post q ON q.id = r.question_id
				WHERE q.deleted_at IS NULL AND\s""" + where + " ORDER BY r.id")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), nullableInstant(rs, 10)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, FlashOffer> offers = offers(ids);
		Set<Long> personIds = new HashSet<>();
		rows.forEach(r -> {
			personIds.add(r.expertId());
			personIds.add(r.askerId());
		});
		Map<Long, PersonRef> refs = people.refs(personIds);
		return rows.stream().map(r -> new ExpertRequest(r.id(), r.questionId(), r.title(), ref(refs, r.expertId()),
				ref(refs, r.askerId()), ExpertRequest.State.valueOf(r.state()), List.of(r.reasons().split("\n")),
				r.declineReason(), r.askedAt(), r.closedAt(), offers.get(r.id()))).toList();
	}

	private Map<Long, FlashOffer> offers(List<Long> requestIds) {
		record Row(long id, long requestId, String message, int minutes, @Nullable String link, @Nullable Long agreed,
				Instant at) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, request_id, message, minutes, meeting_link, agreed_slot_id, created_at
				FROM community_flash_offer WHERE request_id IN (:ids)""")
			.param("ids", requestIds)
			.query((rs, n) -> {
				long agreed = rs.getLong(6);
				Long agreedId = rs.wasNull() ? null : agreed;
				return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), agreedId,
						instant(rs, 7));
			})
			.list();
		if (rows.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<FlashOffer.Slot>> slots = new HashMap<>();
		jdbc.sql("SELECT id, offer_id, starts_at FROM community_flash_slot WHERE offer_id IN (:ids) ORDER BY starts_at")
			.param("ids", rows.stream().map(Row::id).toList())
			.query(rs -> {
				slots.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new FlashOffer.Slot(rs.getLong(1), instant(rs, 3)));
			});
		Map<Long, FlashOffer> offers = new HashMap<>();
		for (Row row : rows) {
			List<FlashOffer.Slot> proposed = slots.getOrDefault(row.id(), List.of());
			FlashOffer.Slot agreed = row.agreed() == null ? null
					: proposed.stream().filter(s -> s.id() == row.agreed()).findFirst().orElse(null);
			offers.put(row.requestId(), new FlashOffer(row.id(), row.message(), row.minutes(), row.link(), proposed, agreed, row.at()));
		}
		return offers;
	}

	private static int order(ExpertRequest.State state) {
		return switch (state) {
			case OPEN -> 0;
			case OFFERED -> 1;
			case SCHEDULED -> 2;
			case ANSWERED, DECLINED, CLOSED -> 3;
		};
	}

	private static boolean isWebLink(String link) {
		if (link.length() > 500) {
			return false;
		}
		try {
			URI uri = new URI(link);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
		}
		catch (Exception e) {
			return false;
		}
	}

	private static PersonRef ref(Map<Long, PersonRef> refs, long id) {
		PersonRef ref = refs.get(id);
		return ref != null ? ref : new PersonRef(id, "Former colleague", null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** Someone the finder listed, with the load that lowers their rank. */
	private static final class Candidate {

		final long personId;
		final List<String> reasons = new ArrayList<>();
		double score;
		int open;
		int recent;

		Candidate(long personId) {
			this.personId = personId;
		}

		double adjusted() {
			return score * Math.pow(0.6, open) * Math.pow(0.9, recent);
		}

		String reasonText() {
			List<String> lines = new ArrayList<>(reasons.subList(0, Math.min(4, reasons.size())));
			if (open > 0 || recent > 0) {
				lines.add("ranked lower for load: " + open + " open and " + recent + " recent request(s)");
			}
			String text = String.join("\n", lines);
			return text.length() > 2000 ? text.substring(0, 2000) : text;
		}
	}
}
