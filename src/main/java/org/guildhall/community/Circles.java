package org.guildhall.community;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.guildhall.community.internal.ActivityStore;
import org.guildhall.community.internal.CircleStore;
import org.guildhall.community.internal.CircleStore.CircleRow;
import org.guildhall.community.internal.MarkdownRenderer;
import org.guildhall.community.internal.Texts;
import org.guildhall.people.PeopleDirectory;
import org.guildhall.people.PersonRef;
import org.guildhall.people.Skill;
import org.guildhall.people.SkillCatalog;
import org.guildhall.shared.Calendars;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.CurrentUser;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.InvalidInputException.FieldProblem;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning circles: groups around a topic, open (join at once) or by request (the host approves or
 * declines), with a host, members, member-only posts in Markdown and events members answer to.
 * Anyone in the directory sees a circle's name, description, topic, host and size; only members
 * (and administrators, who moderate) read its members, posts and events; only the host or an
 * administrator manages it. The host hands the circle over before leaving.
 */
@Service
public class Circles {

	public static final int NAME_MIN = 3;
	public static final int NAME_MAX = 100;
	public static final int DESCRIPTION_MAX = 2_000;
	public static final int POST_MAX = 5_000;
	public static final int EVENT_TITLE_MAX = 120;
	public static final int PLACE_MAX = 200;
	public static final int LINK_MAX = 500;

	private final CircleStore store;
	private final ActivityStore activity;
	private final SkillCatalog skills;
	private final PeopleDirectory people;
	private final Reputation reputation;
	private final MarkdownRenderer markdown;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Circles(CircleStore store, ActivityStore activity, SkillCatalog skills, PeopleDirectory people, Reputation reputation,
			MarkdownRenderer markdown, ApplicationEventPublisher events, Optional<Clock> clock) {
		this.store = store;
		this.activity = activity;
		this.skills = skills;
		this.people = people;
		this.reputation = reputation;
		this.markdown = markdown;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Creates a circle; its creator becomes its host and first member. */
	@Transactional
	public Circle create(NewCircle circle, CurrentUser creator) {
		long hostId = Participants.personOf(creator);
		Checked checked = check(circle);
		long id;
		try {
			id = store.insert(checked.name(), checked.description(), checked.skill().id(), checked.admission(), hostId);
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputException("name", "a circle named '" + checked.name() + "' exists already");
		}
		events.publishEvent(new CircleCreated(id, hostId, checked.skill().id()));
		return circle(id, creator);
	}

	/** Changes a circle's name, description, topic or admission (host or administrator). */
	@Transactional
	public Circle update(long circleId, NewCircle circle, CurrentUser user) {
		CircleRow row = requireManager(circleId, user);
		Checked checked = check(circle);
		try {
			store.update(row.id(), checked.name(), checked.description(), checked.skill().id(), checked.admission());
		}
		catch (DuplicateKeyException e) {
			throw new InvalidInputException("name", "a circle named '" + checked.name() + "' exists already");
		}
		return circle(circleId, user);
	}

	private record Checked(String name, String description, Skill skill, Admission admission) {
	}

	private Checked check(NewCircle circle) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = Texts.check("name", circle.name(), NAME_MIN, NAME_MAX, problems);
		String description = Texts.check("description", circle.description(), 1, DESCRIPTION_MAX, problems);
		Skill skill = topic(circle.topic(), problems);
		if (circle.admission() == null) {
			problems.add(new FieldProblem("admission", "is required: OPEN or BY_REQUEST"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(name, description, skill, circle.admission());
	}

	private @Nullable Skill topic(@Nullable String topic, List<FieldProblem> problems) {
		if (topic == null || topic.isBlank()) {
			problems.add(new FieldProblem("topic", "is required (a skill such as Java or Kubernetes)"));
			return null;
		}
		if (topic.length() > SkillCatalog.MAX_NAME_LENGTH) {
			problems.add(new FieldProblem("topic", "must be at most " + SkillCatalog.MAX_NAME_LENGTH + " characters"));
			return null;
		}
		Skill skill = skills.resolve(topic).filter(s -> !s.suggested()).orElse(null);
		if (skill == null) {
			problems.add(new FieldProblem("topic", "'" + topic.strip() + "' is not a skill of the taxonomy"));
		}
		return skill;
	}

	/** One circle as the viewer sees it (anyone signed in may see what it is about). */
	@Transactional(readOnly = true)
	public Circle circle(long circleId, CurrentUser viewer) {
		CircleRow row = find(circleId);
		Membership membership = viewer.personId() == null ? Membership.NONE : store.membership(circleId, viewer.personId());
		return view(row, membership, people.refs(List.of(row.hostId())), viewer);
	}

	/** Circles whose name or description contains every word of {@code text}, on a topic when given, by name. */
	@Transactional(readOnly = true)
	public PageResult<Circle> circles(@Nullable String text, @Nullable String topic, PageRequest page, CurrentUser viewer) {
		String words = QuestionBoard.blankToNull(text);
		Long skillId = null;
		if (topic != null && !topic.isBlank()) {
			if (topic.length() > SkillCatalog.MAX_NAME_LENGTH) {
				throw new InvalidInputException("topic", "must be at most " + SkillCatalog.MAX_NAME_LENGTH + " characters");
			}
			Optional<Skill> skill = skills.resolve(topic);
			if (skill.isEmpty()) {
				return new PageResult<>(List.of(), page.page(), page.size(), 0);
			}
			skillId = skill.get().id();
		}
		long total = store.count(words, skillId);
		if (total == 0 || page.offset() >= total) {
			return new PageResult<>(List.of(), page.page(), page.size(), total);
		}
		return new PageResult<>(views(store.search(words, skillId, page.size(), page.offset()), viewer), page.page(),
				page.size(), total);
	}

	/** The circles the viewer is a member of, by name. */
	@Transactional(readOnly = true)
	public List<Circle> myCircles(CurrentUser viewer) {
		if (viewer.personId() == null) {
			return List.of();
		}
		return views(store.circlesOf(viewer.personId()), viewer);
	}

	private List<Circle> views(List<CircleRow> rows, CurrentUser viewer) {
		Map<Long, Membership> memberships = viewer.personId() == null ? Map.of()
				: store.memberships(rows.stream().map(CircleRow::id).toList(), viewer.personId());
		Map<Long, PersonRef> hosts = people.refs(rows.stream().map(CircleRow::hostId).distinct().toList());
		return rows.stream().map(r -> view(r, memberships.getOrDefault(r.id(), Membership.NONE), hosts, viewer)).toList();
	}

	private static Circle view(CircleRow row, Membership membership, Map<Long, PersonRef> refs, CurrentUser viewer) {
		PersonRef host = refs.getOrDefault(row.hostId(), new PersonRef(row.hostId(), "Former colleague", null));
		boolean manage = viewer.is(row.hostId()) || viewer.isAdmin();
		return new Circle(row.id(), row.name(), row.description(), new Topic(row.skillId(), row.skillName()),
				row.admission(), host, row.memberCount(), row.createdAt(), row.version(), membership,
				membership == Membership.MEMBER || viewer.isAdmin(), manage);
	}

	/**
	 * Joins an open circle at once, or asks to join a circle by request. Asking again, or joining a
	 * circle one is already in, changes nothing. Returns the person's standing.
	 */
	@Transactional
	public Membership join(long circleId, CurrentUser user) {
		long personId = Participants.personOf(user);
		CircleRow row = find(circleId);
		Membership wanted = row.admission() == Admission.OPEN ? Membership.MEMBER : Membership.REQUESTED;
		if (store.add(circleId, personId, wanted) && wanted == Membership.MEMBER) {
			events.publishEvent(new CircleJoined(circleId, personId));
		}
		return store.membership(circleId, personId);
	}

	/** Leaves a circle, or takes back a request to join. The host hands the circle over first. */
	@Transactional
	public void leave(long circleId, CurrentUser user) {
		long personId = Participants.personOf(user);
		CircleRow row = find(circleId);
		if (row.hostId() == personId) {
			throw new ConflictException("You host this circle: hand it over to another member before you leave.");
		}
		Membership before = store.membership(circleId, personId);
		if (!store.remove(circleId, personId)) {
			throw new NotFoundException("You are not a member of this circle");
		}
		if (before == Membership.MEMBER) {
			events.publishEvent(new CircleLeft(circleId, personId));
		}
	}

	/** Approves a request to join (host or administrator). */
	@Transactional
	public void approve(long circleId, long personId, CurrentUser user) {
		requireManager(circleId, user);
		if (!store.approve(circleId, personId)) {
			throw new NotFoundException("Nobody with id " + personId + " is asking to join this circle");
		}
		events.publishEvent(new CircleJoined(circleId, personId));
	}

	/** Declines a request to join (host or administrator). */
	@Transactional
	public void decline(long circleId, long personId, CurrentUser user) {
		requireManager(circleId, user);
		if (store.membership(circleId, personId) != Membership.REQUESTED || !store.remove(circleId, personId)) {
			throw new NotFoundException("Nobody with id " + personId + " is asking to join this circle");
		}
	}

	/** Removes a member (host or administrator); the host is not removed, but hands the circle over. */
	@Transactional
	public void remove(long circleId, long personId, CurrentUser user) {
		CircleRow row = requireManager(circleId, user);
		if (row.hostId() == personId) {
			throw new ConflictException("The host cannot be removed; hand the circle over first.");
		}
		if (store.membership(circleId, personId) != Membership.MEMBER || !store.remove(circleId, personId)) {
			throw new NotFoundException("No member with id " + personId + " in this circle");
		}
		events.publishEvent(new CircleLeft(circleId, personId));
	}

	/** Hands the circle over to another member (host or administrator). */
	@Transactional
	public Circle handOver(long circleId, long newHostId, CurrentUser user) {
		CircleRow row = requireManager(circleId, user);
		if (row.hostId() == newHostId) {
			return circle(circleId, user);
		}
		if (store.membership(circleId, newHostId) != Membership.MEMBER) {
			throw new InvalidInputException("personId", "the new host must be a member of the circle");
		}
		store.setHost(circleId, newHostId);
		events.publishEvent(new CircleHostChanged(circleId, row.hostId(), newHostId));
		return circle(circleId, user);
	}

	/** The members, host first, then by reputation in the circle's topic (members and administrators only). */
	@Transactional(readOnly = true)
	public List<CircleMember> members(long circleId, CurrentUser viewer) {
		CircleRow row = requireReader(circleId, viewer);
		List<Long> ids = store.people(circleId, Membership.MEMBER);
		Map<Long, PersonRef> refs = people.refs(ids);
		Map<Long, Integer> points = reputation.pointsIn(row.skillId(), ids);
		return ids.stream().filter(refs::containsKey)
			.map(id -> new CircleMember(refs.get(id), id == row.hostId(), points.getOrDefault(id, 0)))
			.sorted(java.util.Comparator.comparing((CircleMember m) -> !m.host()).thenComparing(m -> -m.points())
				.thenComparing(m -> m.person().fullName()))
			.toList();
	}

	/** People asking to join, earliest first (host or administrator). */
	@Transactional(readOnly = true)
	public List<PersonRef> requests(long circleId, CurrentUser viewer) {
		requireManager(circleId, viewer);
		List<Long> ids = store.people(circleId, Membership.REQUESTED);
		Map<Long, PersonRef> refs = people.refs(ids);
		return ids.stream().filter(refs::containsKey).map(refs::get).toList();
	}

	/** Posts in a circle (Markdown, at most 5,000 characters); members only. */
	@Transactional
	public CirclePost post(long circleId, @Nullable String text, CurrentUser author) {
		long authorId = Participants.personOf(author);
		CircleRow row = find(circleId);
		if (store.membership(circleId, authorId) != Membership.MEMBER) {
			throw new AccessDeniedException("Only members may post in this circle");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String body = Texts.check("body", text, 1, POST_MAX, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = store.insertPost(circleId, authorId, body);
		activity.record(new ActivityStore.Entry(ActivityKind.CIRCLE_POST, clock.instant(), authorId, null, null, null,
				circleId, id, markdown.excerpt(body, 120), "CIRCLE_POST:" + id, List.of()));
		events.publishEvent(new CirclePostPublished(id, circleId, authorId));
		CircleStore.PostRow saved = store.findPost(circleId, id).orElseThrow();
		PersonRef me = people.refs(List.of(authorId)).getOrDefault(authorId, new PersonRef(authorId, "Former colleague", null));
		return new CirclePost(id, row.id(), me, saved.body(), markdown.toHtml(saved.body()), saved.createdAt(), true);
	}

	/** A page of a circle's posts, newest first (members and administrators only). */
	@Transactional(readOnly = true)
	public PageResult<CirclePost> posts(long circleId, CurrentUser viewer, PageRequest page) {
		CircleRow row = requireReader(circleId, viewer);
		long total = store.countPosts(circleId);
		List<CircleStore.PostRow> rows = total == 0 ? List.of() : store.posts(circleId, page.size(), page.offset());
		Set<Long> authors = new HashSet<>();
		rows.forEach(r -> authors.add(r.authorId()));
		Map<Long, PersonRef> refs = people.refs(authors);
		boolean manage = viewer.is(row.hostId()) || viewer.isAdmin();
		List<CirclePost> items = rows.stream().map(r -> new CirclePost(r.id(), circleId,
				refs.getOrDefault(r.authorId(), new PersonRef(r.authorId(), "Former colleague", null)), r.body(),
				markdown.toHtml(r.body()), r.createdAt(), manage || viewer.is(r.authorId()))).toList();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * Deletes a post (its author, the host or an administrator); it disappears from the circle and from
	 * feeds. An administrator's deletion of someone else's post is written to the audit trail with it.
	 */
	@Transactional
	public void deletePost(long circleId, long postId, CurrentUser user) {
		CircleRow row = requireReader(circleId, user);
		CircleStore.PostRow post = store.findPost(circleId, postId)
			.orElseThrow(() -> new NotFoundException("No post with id " + postId + " in this circle"));
		if (!user.is(post.authorId()) && !user.is(row.hostId()) && !user.isAdmin()) {
			throw new AccessDeniedException("Only the author, the host or an administrator may delete this post");
		}
		store.deletePost(postId);
		activity.forgetCircleItem(ActivityKind.CIRCLE_POST, postId);
		if (user.isAdmin() && !user.is(post.authorId())) {
			// an administrator removing someone else's words is moderation: audited with the deletion
			events.publishEvent(new ContentModerated(ContentModerated.Kind.CIRCLE_POST, postId, post.authorId(),
					"circle post " + postId + " in circle " + circleId + " \"" + row.name() + "\" by person " + post.authorId(),
					"your post in the circle \"" + row.name() + "\"", "/community/circles/" + circleId,
					ContentModerated.Action.DELETED, user.email(), null, "deleted"));
		}
	}

	/** Schedules an event (host or administrator). */
	@Transactional
	public CircleEvent schedule(long circleId, NewCircleEvent event, CurrentUser user) {
		CircleRow row = requireManager(circleId, user);
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.check("title", event.title(), 3, EVENT_TITLE_MAX, problems);
		Instant now = clock.instant();
		if (event.startsAt() == null) {
			problems.add(new FieldProblem("startsAt", "is required"));
		}
		else if (event.startsAt().isBefore(now)) {
			problems.add(new FieldProblem("startsAt", "must be in the future"));
		}
		else if (event.startsAt().isAfter(now.plus(java.time.Duration.ofDays(2 * 366)))) {
			problems.add(new FieldProblem("startsAt", "must be within two years"));
		}
		if (event.durationMinutes() == null) {
			problems.add(new FieldProblem("durationMinutes", "is required"));
		}
		else if (event.durationMinutes() < 5 || event.durationMinutes() > 1440) {
			problems.add(new FieldProblem("durationMinutes", "must be between 5 and 1440"));
		}
		String place = optional("place", event.place(), PLACE_MAX, problems);
		String link = optional("link", event.link(), LINK_MAX, problems);
		if (link != null && !isWebLink(link)) {
			problems.add(new FieldProblem("link", "must be an http:// or https:// address"));
		}
		if (place == null && link == null && problems.stream().noneMatch(p -> p.field().equals("place") || p.field().equals("link"))) {
			problems.add(new FieldProblem("place", "give a place or a link (or both)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long by = user.personId() != null ? user.personId() : row.hostId();
		long id = store.insertEvent(circleId, title, event.startsAt(), event.durationMinutes(), place, link, by);
		activity.record(new ActivityStore.Entry(ActivityKind.CIRCLE_EVENT, now, by, null, null, null, circleId, id, title,
				"CIRCLE_EVENT:" + id, List.of()));
		events.publishEvent(new CircleEventScheduled(id, circleId, by, title, event.startsAt()));
		return store.events(circleId, now, by).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
	}

	private static @Nullable String optional(String field, @Nullable String value, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.strip();
		if (clean.length() > max) {
			problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
			return null;
		}
		return clean;
	}

	private static boolean isWebLink(String link) {
		try {
			URI uri = new URI(link);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
		}
		catch (java.net.URISyntaxException e) {
			return false;
		}
	}

	/** Upcoming events (and those under way), soonest first (members and administrators only). */
	@Transactional(readOnly = true)
	public List<CircleEvent> events(long circleId, CurrentUser viewer) {
		requireReader(circleId, viewer);
		return store.events(circleId, clock.instant(), viewer.personId() == null ? -1 : viewer.personId());
	}

	/** Answers an upcoming event: yes, maybe or no (members only); answering again replaces the answer. */
	@Transactional
	public CircleEvent rsvp(long circleId, long eventId, @Nullable Rsvp answer, CurrentUser user) {
		long personId = Participants.personOf(user);
		find(circleId);
		if (store.membership(circleId, personId) != Membership.MEMBER) {
			throw new AccessDeniedException("Only members may answer this circle's events");
		}
		if (answer == null) {
			throw new InvalidInputException("answer", "is required: YES, MAYBE or NO");
		}
		CircleStore.EventRow event = store.findEvent(circleId, eventId).filter(e -> !e.cancelled())
			.orElseThrow(() -> new NotFoundException("No event with id " + eventId + " in this circle"));
		Instant now = clock.instant();
		if (event.startsAt().plus(java.time.Duration.ofMinutes(event.durationMinutes())).isBefore(now)) {
			throw new ConflictException("This event is over.");
		}
		store.answer(eventId, personId, answer);
		return store.events(circleId, now, personId).stream().filter(e -> e.id() == eventId).findFirst().orElseThrow();
	}

	/**
	 * The event as an iCalendar invitation (members and administrators): a stable UID per event,
	 * METHOD:REQUEST (METHOD:CANCEL with a higher SEQUENCE once cancelled), the host as organiser and
	 * every other member as attendee with their answer (yes accepted, maybe tentative, no declined).
	 */
	@Transactional(readOnly = true)
	public String invitation(long circleId, long eventId, CurrentUser viewer) {
		CircleRow row = requireReader(circleId, viewer);
		CircleStore.EventRow event = store.findEvent(circleId, eventId)
			.orElseThrow(() -> new NotFoundException("No event with id " + eventId + " in this circle"));
		List<Long> members = store.people(circleId, Membership.MEMBER);
		Set<Long> everyone = new HashSet<>(members);
		everyone.add(row.hostId());
		Map<Long, PersonRef> refs = people.refs(everyone);
		Map<Long, String> emails = people.emails(everyone);
		Map<Long, Rsvp> answers = store.answers(eventId);
		List<Calendars.Person> attendees = members.stream()
			.filter(id -> id != row.hostId() && refs.containsKey(id) && emails.containsKey(id))
			.map(id -> new Calendars.Person(emails.get(id), refs.get(id).fullName(), answer(answers.get(id))))
			.toList();
		Calendars.Person host = new Calendars.Person(emails.getOrDefault(row.hostId(), "circles@guildhall.invalid"),
				refs.containsKey(row.hostId()) ? refs.get(row.hostId()).fullName() : "Circle host");
		String description = "An event of the learning circle " + row.name() + " (" + row.skillName() + ") in Guildhall."
				+ (event.link() != null ? "\nJoin: " + event.link() : "");
		return Calendars.invitation(new Calendars.Meeting("circle-event-" + eventId + "@guildhall", event.cancelled() ? 1 : 0,
				event.cancelled(), event.startsAt(), event.durationMinutes(), event.place(), event.link(),
				event.title() + " (" + row.name() + ")", description, host, attendees), clock.instant());
	}

	private static Calendars.Answer answer(@Nullable Rsvp rsvp) {
		if (rsvp == null) {
			return Calendars.Answer.NEEDS_ACTION;
		}
		return switch (rsvp) {
			case YES -> Calendars.Answer.ACCEPTED;
			case MAYBE -> Calendars.Answer.TENTATIVE;
			case NO -> Calendars.Answer.DECLINED;
		};
	}

	/** Cancels an event (host or administrator); it disappears from the circle and from feeds. */
	@Transactional
	public void cancel(long circleId, long eventId, CurrentUser user) {
		requireManager(circleId, user);
		store.findEvent(circleId, eventId).filter(e -> !e.cancelled())
			.orElseThrow(() -> new NotFoundException("No event with id " + eventId + " in this circle"));
		store.cancelEvent(eventId);
		activity.forgetCircleItem(ActivityKind.CIRCLE_EVENT, eventId);
	}

	private CircleRow find(long circleId) {
		return store.find(circleId).orElseThrow(() -> new NotFoundException("No circle with id " + circleId));
	}

	private CircleRow requireManager(long circleId, CurrentUser user) {
		CircleRow row = find(circleId);
		if (!user.is(row.hostId()) && !user.isAdmin()) {
			throw new AccessDeniedException("Only the host or an administrator may manage this circle");
		}
		return row;
	}

	private CircleRow requireReader(long circleId, CurrentUser user) {
		CircleRow row = find(circleId);
		if (!user.isAdmin() && (user.personId() == null || store.membership(circleId, user.personId()) != Membership.MEMBER)) {
			throw new AccessDeniedException("Only members of this circle may see its members, posts and events");
		}
		return row;
	}
}
