package org.guildhall.community;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.jspecify.annotations.Nullable;

/**
 * An expert's offer of a flash session: one to three future start times (within 60 days), a
 * message (at most 1,000 characters), a length of 15 to 60 minutes and an optional https link to
 * the call.
 */
@Schema(description = "One to three future start times, a message, 15–60 minutes, an optional https meeting link")
public record NewFlashOffer(@Nullable List<Instant> slots, @Nullable String message, @Nullable Integer minutes,
		@Nullable String meetingLink) {
}
