package org.guildhall.community;

import java.util.List;

import org.guildhall.people.PersonRef;

/** Someone the expert finder lists, with the points that ranked them and each piece of evidence in plain words. */
public record Expert(PersonRef person, double score, List<String> reasons) {
}
