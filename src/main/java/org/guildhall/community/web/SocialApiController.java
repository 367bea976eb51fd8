package org.guildhall.community.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.guildhall.community.EarnedBadge;
import org.guildhall.community.Feed;
import org.guildhall.community.FeedPage;
import org.guildhall.community.Following;
import org.guildhall.community.Follows;
import org.guildhall.community.Reputation;
import org.guildhall.community.Topic;
import org.guildhall.community.TopicReputation;
import org.guildhall.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The activity feed, following people and topics, and reputation with badges, over JSON. */
@RestController
@RequestMapping("/api/v1/community")
@Tag(name = "Feed, follows and reputation", description = "What happened among people and topics I follow; reputation per topic and badges")
@SecurityRequirement(name = "token")
class SocialApiController {

	private final Feed feed;
	private final Follows follows;
	private final Reputation reputation;

	SocialApiController(Feed feed, Follows follows, Reputation reputation) {
		this.feed = feed;
		this.follows = follows;
		this.reputation = reputation;
	}

	@Schema(description = "A topic: a skill name or alias")
	record TopicName(@Nullable String topic) {
	}

	record Standing(List<TopicReputation> topics, List<EarnedBadge> badges, long followers) {
	}

	record Recomputed(int people) {
	}

	@GetMapping("/feed")
	@Operation(summary = "My feed, newest first: my followed topics, my circles, people I follow. Pass the previous page's next as before.")
	FeedPage feed(@RequestParam(required = false) String before, @RequestParam(defaultValue = "20") int size) {
		return feed.page(before, size, me());
	}

	@GetMapping("/follows")
	@Operation(summary = "People and topics I follow")
	Following following() {
		return follows.following(me());
	}

	@PutMapping("/follows/people/{personId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Follow a colleague (following twice is the same as once)")
	void followPerson(@PathVariable long personId) {
		follows.followPerson(personId, me());
	}

	@DeleteMapping("/follows/people/{personId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop following a colleague")
	void unfollowPerson(@PathVariable long personId) {
		follows.unfollowPerson(personId, me());
	}

	@PostMapping("/follows/topics")
	@Operation(summary = "Follow a topic by name or alias")
	Topic followTopic(@RequestBody TopicName topic) {
		return follows.followTopic(topic.topic(), me());
	}

	@PutMapping("/follows/topics/{skillId}")
	@Operation(summary = "Follow a topic by its skill id")
	Topic followTopic(@PathVariable long skillId) {
		return follows.followTopic(skillId, me());
	}

	@DeleteMapping("/follows/topics/{skillId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop following a topic")
	void unfollowTopic(@PathVariable long skillId) {
		follows.unfollowTopic(skillId, me());
	}

	@GetMapping("/reputation/people/{personId}")
	@Operation(summary = "A person's reputation per topic (see the points in docs/community.md), badges with dates, and followers")
	Standing standing(@PathVariable long personId) {
		return new Standing(reputation.of(personId), reputation.badges(personId), follows.followers(personId));
	}

	@PostMapping("/reputation/recompute")
	@Operation(summary = "Rebuild everyone's reputation from the database and award missing badges (administrators)")
	Recomputed recompute() {
		return new Recomputed(reputation.recomputeAll(me()));
	}

	private static CurrentUser me() {
		return CurrentUser.get().orElseThrow();
	}
}
