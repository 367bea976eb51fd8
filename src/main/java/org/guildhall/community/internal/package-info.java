/**
 * The community's machinery: SQL for posts and kudos, the Markdown renderer with its allow-list
 * sanitiser, the Lucene index kept current by events, and the demo community. Reads the people
 * tables ({@code person}, {@code person_skill}, {@code skill}) directly where a join is needed to
 * rank or index without one query per person; writes only community tables.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.community.internal;
