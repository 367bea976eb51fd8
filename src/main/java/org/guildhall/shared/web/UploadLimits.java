package org.guildhall.shared.web;

/** The upload size limit shared by the multipart settings and the messages that mention it. */
public final class UploadLimits {

	/** Largest HR file accepted, in bytes (also set as spring.servlet.multipart.max-file-size). */
	public static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;

	private UploadLimits() {
	}

	public static String describe() {
		return (MAX_UPLOAD_BYTES / (1024 * 1024)) + " MB";
	}
}
