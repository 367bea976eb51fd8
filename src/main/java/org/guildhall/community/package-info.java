/**
 * Community: questions and answers with votes and accepted answers, articles and lessons learned in
 * Markdown, kudos tied to skills, and the expert finder ("who knows X?") with keyword search.
 * Topics are skills of the people module's taxonomy. The services here are the module's API; the
 * events ({@link org.guildhall.community.QuestionAsked} and the others) tell other modules what
 * happened.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.community;
