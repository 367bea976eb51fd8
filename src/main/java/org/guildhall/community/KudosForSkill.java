package org.guildhall.community;

import java.util.List;

/** The kudos a person received for one skill: how many, and the latest few. */
public record KudosForSkill(Topic skill, int count, List<Kudos> latest) {
}
