/**
 * Community pages under {@code /community} (Thymeleaf and htmx) and the JSON API under
 * {@code /api/v1/community}. Controllers parse, call the community services and render.
 */
@org.jspecify.annotations.NullMarked
package org.guildhall.community.web;
