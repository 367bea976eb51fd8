package org.guildhall.community.web;

import org.guildhall.community.Post;
import org.guildhall.shared.CurrentUser;
import org.springframework.security.access.AccessDeniedException;

/** Helpers shared by the community's page controllers. */
final class Pages {

	private Pages() {
	}

	static CurrentUser me() {
		return CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
	}

	/** The page where a post is read. */
	static String linkTo(Post post) {
		return switch (post.kind()) {
			case QUESTION -> "/community/questions/" + post.id();
			case ANSWER -> "/community/questions/" + post.questionId() + "#answer-" + post.id();
			case ARTICLE -> "/community/articles/" + post.id();
		};
	}
}
