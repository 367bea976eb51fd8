package org.guildhall.community.web;

import java.util.Arrays;
import java.util.List;

import org.guildhall.community.Post;
import org.guildhall.community.Topic;
import org.jspecify.annotations.Nullable;

/** The question, article and edit forms: topics as one comma-separated field; a moderator's edit gives a reason. */
record PostForm(@Nullable String title, @Nullable String topics, @Nullable String body, @Nullable Boolean lessonLearned,
		@Nullable Long version, @Nullable Long mentorshipId, @Nullable String reason) {

	static PostForm empty() {
		return new PostForm("", "", "", false, 0L, null, null);
	}

	static PostForm of(Post post) {
		return new PostForm(post.title(), String.join(", ", post.topics().stream().map(Topic::name).toList()), post.body(),
				post.lessonLearned(), post.version(), null, null);
	}

	boolean lesson() {
		return Boolean.TRUE.equals(lessonLearned);
	}

	long versionRead() {
		return version == null ? 0 : version;
	}

	List<String> topicList() {
		return topics == null ? List.of() : Arrays.stream(topics.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}
}
