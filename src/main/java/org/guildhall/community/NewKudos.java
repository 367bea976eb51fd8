package org.guildhall.community;

import org.jspecify.annotations.Nullable;

/** Thanks to a colleague for something specific, tied to a skill ("Kubernetes: your walkthrough saved my release"). */
public record NewKudos(long receiverId, @Nullable String skill, @Nullable String message) {
}
