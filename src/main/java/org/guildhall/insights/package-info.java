/**
 * Insights: what mentoring and the community change in an organisation. Keeps its own read model,
 * fed by the other modules' events and rebuilt from their public APIs; programme dashboards,
 * outcomes against comparable colleagues, the learning network, skills at risk and exports. No
 * other module depends on it.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.insights;
