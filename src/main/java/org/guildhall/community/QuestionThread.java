package org.guildhall.community;

import java.util.List;

/** A question with its answers: the accepted answer first, then by score, then oldest first. */
public record QuestionThread(Post question, List<Post> answers) {
}
