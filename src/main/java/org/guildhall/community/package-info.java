/**
 * Community: questions and answers with votes and accepted answers, articles and lessons learned in
 * Markdown, kudos tied to skills, the expert finder ("who knows X?") with keyword and semantic search,
 * and ask an expert: questions routed to the people best placed to answer, who may offer a flash
 * mentoring session.
 * Topics are skills of the people module's taxonomy. The services here are the module's API; the
 * events ({@link org.guildhall.community.QuestionAsked} and the others) tell other modules what
 * happened.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.community;
