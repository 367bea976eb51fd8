/**
 * The learning network engine: who learns from whom (mentoring, accepted answers, kudos, shared
 * circles, ask-an-expert sessions) as a compact graph, and the figures the insights pages show about
 * it (reach per department, bridging people, clusters). Plain Java with no Spring, web or database
 * types, so it can be tested and benchmarked on its own; the insights read model builds a
 * {@link org.guildhall.insights.network.LearningGraph} and calls
 * {@link org.guildhall.insights.network.NetworkAnalysis}.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.insights.network;
