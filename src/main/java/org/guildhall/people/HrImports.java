package org.guildhall.people;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import org.guildhall.people.HrImportStatus.State;
import org.guildhall.people.hrimport.Column;
import org.guildhall.people.hrimport.HrFile;
import org.guildhall.people.hrimport.ImportIssue;
import org.guildhall.people.hrimport.ImportPlan;
import org.guildhall.people.hrimport.ImportPlanner;
import org.guildhall.people.hrimport.ImportWriter;
import org.guildhall.shared.ConflictException;
import org.guildhall.shared.InvalidInputException;
import org.guildhall.shared.NotFoundException;
import org.guildhall.shared.PageRequest;
import org.guildhall.shared.PageResult;
import org.guildhall.shared.Sha256;
import org.guildhall.shared.web.UploadLimits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports people from HR CSV exports in two steps: {@link #upload} stores the file and prepares a
 * preview in the background; {@link #apply} applies a clean preview, all or nothing, also in the
 * background. Progress is kept in the database so any node can show it.
 * <p>
 * An import applies "as of" a day (today, in UTC, unless given): the {@link PersonHistory} entries
 * it writes for the people whose department, location, level, manager or active state it changes
 * are dated that day.
 * <p>
 * The node that prepares or applies an import holds a <em>lease</em> on it, renewed every
 * {@code guildhall.imports.heartbeat} (default 5 s) and valid for {@code guildhall.imports.lease}
 * (default 30 s). When a node stops (a crash, {@code kill -9}, a lost network), its lease runs out
 * and any node marks the import failed at its next check ({@code guildhall.imports.lease-check},
 * default 10 s); applying is one transaction, so nothing was changed, and the import can be applied
 * again or discarded. A claim whose lease ran out can never finish: its last write names the claim.
 * Lease times are the database's, so nodes with skewed clocks agree.
 */
@Service
public class HrImports implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(HrImports.class);
	private static final int MAX_SAMPLE_CHANGES = 200;

	private final JdbcClient jdbc;
	private final ImportWriter writer;
	private final PersonHistory history;
	private final SkillCatalog skills;
	private final PeopleDirectory directory;
	private final ApplicationEventPublisher events;
	private final Executor executor;
	private final TransactionTemplate ownTransaction;
	private final TransactionTemplate sideTransaction;
	private final Clock clock;
	private final Duration lease;
	private final Duration heartbeat;
	private final Duration leaseCheck;
	/** Renews leases and checks for expired ones; not the shared scheduler, which a long job can hold up. */
	private final ScheduledExecutorService leases;
	private final String node = nodeName();
	private final double deactivationWarningShare;

	HrImports(JdbcClient jdbc, ImportWriter writer, PersonHistory history, SkillCatalog skills, PeopleDirectory directory,
			ApplicationEventPublisher events, @Qualifier("applicationTaskExecutor") Executor executor,
			PlatformTransactionManager transactions, Optional<Clock> clock,
			@Value("${guildhall.imports.lease:PT30S}") Duration lease,
			@Value("${guildhall.imports.heartbeat:PT5S}") Duration heartbeat,
			@Value("${guildhall.imports.lease-check:PT10S}") Duration leaseCheck,
			@Value("${guildhall.imports.deactivation-warning-share:0.10}") double deactivationWarningShare) {
		if (!(deactivationWarningShare >= 0 && deactivationWarningShare <= 1)) {
			throw new IllegalStateException("guildhall.imports.deactivation-warning-share must be from 0 to 1, not "
					+ deactivationWarningShare);
		}
		this.deactivationWarningShare = deactivationWarningShare;
		if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.multipliedBy(2).compareTo(lease) > 0
				|| leaseCheck.isNegative() || leaseCheck.isZero()) {
			throw new IllegalStateException("guildhall.imports: the heartbeat (" + heartbeat + ") must be positive and at "
					+ "most half the lease (" + lease + "), and lease-check (" + leaseCheck + ") positive");
		}
		this.lease = lease;
		this.heartbeat = heartbeat;
		this.leaseCheck = leaseCheck;
		AtomicInteger threads = new AtomicInteger();
		this.leases = Executors.newScheduledThreadPool(2, task -> {
			Thread thread = new Thread(task, "hr-import-lease-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.jdbc = jdbc;
		this.writer = writer;
		this.history = history;
		this.skills = skills;
		this.directory = directory;
		this.events = events;
		this.executor = executor;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.sideTransaction = new TransactionTemplate(transactions);
		this.sideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Stores an uploaded file and starts its preview in the background. */
	public HrImportStatus upload(String fileName, byte[] content, String requestedBy) {
		String owner = newOwner();
		long id = store(fileName, content, requestedBy, owner);
		inBackground(id, owner, () -> preview(id, owner));
		return status(id);
	}

	/** Stores a file and prepares its preview before returning (for the demo data and the command line). */
	public HrImportStatus uploadAndPreview(String fileName, byte[] content, String requestedBy) {
		String owner = newOwner();
		long id = store(fileName, content, requestedBy, owner);
		try (Lease held = hold(id, owner)) {
			preview(id, owner);
		}
		return status(id);
	}

	/**
	 * Starts applying a clean preview (or one whose apply failed, nothing changed) in the
	 * background, as of today.
	 */
	public HrImportStatus apply(long id) {
		return apply(id, today());
	}

	/**
	 * Starts applying a clean preview in the background, as of {@code effectiveOn}: the day the
	 * changes in the file took effect, at the latest tomorrow.
	 */
	public HrImportStatus apply(long id, LocalDate effectiveOn) {
		String owner = claimForApply(id, checked(effectiveOn));
		inBackground(id, owner, () -> applyClaimed(id, owner));
		return status(id);
	}

	/**
	 * Starts applying a clean preview in the background, as of {@code effectiveOn}, for an
	 * administrator: a preview that deactivates more than the configured share of the active people
	 * ({@code guildhall.imports.deactivation-warning-share}, 10% by default) is applied only with
	 * {@code deactivationsConfirmed}, else refused with a {@link ConflictException} that says how many.
	 * The audit trail names {@code appliedBy}. Without {@code effectiveOn}, as of today.
	 */
	public HrImportStatus apply(long id, @Nullable LocalDate effectiveOn, String appliedBy, boolean deactivationsConfirmed) {
		LocalDate day = checked(effectiveOn == null ? today() : effectiveOn);
		deactivationWarning(id).filter(w -> !deactivationsConfirmed).ifPresent(w -> {
			throw new ConflictException(w.message() + " Confirm the deactivations to apply it.");
		});
		String owner = claimForApply(id, day);
		jdbc.sql("UPDATE hr_import SET applied_by = ? WHERE id = ?").params(appliedBy, id).update();
		inBackground(id, owner, () -> applyClaimed(id, owner));
		return status(id);
	}

	/**
	 * A preview that would deactivate more than the configured share of the people active now;
	 * empty when it does not (or is not a preview that can be applied).
	 */
	public Optional<DeactivationWarning> deactivationWarning(long id) {
		HrImportStatus status = status(id);
		if (!status.applicable() || status.toDeactivate() == 0) {
			return Optional.empty();
		}
		long active = jdbc.sql("SELECT COUNT(*) FROM person WHERE active = TRUE").query(Long.class).single();
		if (active == 0 || (double) status.toDeactivate() / active <= deactivationWarningShare) {
			return Optional.empty();
		}
		return Optional.of(new DeactivationWarning(status.toDeactivate(), active, deactivationWarningShare));
	}

	/** Deactivating {@code deactivating} of the {@code active} people is more than {@code threshold} of them. */
	public record DeactivationWarning(int deactivating, long active, double threshold) {

		public int percent() {
			return (int) Math.round(100.0 * deactivating / active);
		}

		public String message() {
			return "This import deactivates " + deactivating + " of the " + active + " active people (" + percent()
					+ "%), more than the " + Math.round(threshold * 100) + "% that needs a confirmation; a partial export"
					+ " (one department, a filtered list) deactivates everyone it leaves out.";
		}
	}

	/**
	 * For each field, how many people already in Guildhall have a value that an empty cell in the
	 * file clears (in the order title, department, ... as the preview names them).
	 */
	public Map<String, Integer> cleared(long id) {
		String text = jdbc.sql("SELECT cleared FROM hr_import WHERE id = ?").param(id)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(c -> c).orElse(null);
		Map<String, Integer> cleared = new java.util.LinkedHashMap<>();
		if (text != null && !text.isEmpty()) {
			for (String part : text.split(";")) {
				int eq = part.indexOf('=');
				cleared.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
			}
		}
		return cleared;
	}

	/** Applies a clean preview before returning, as of today. */
	public HrImportStatus applyNow(long id) {
		return applyNow(id, today());
	}

	/** Applies a clean preview before returning, as of {@code effectiveOn} (at the latest tomorrow). */
	public HrImportStatus applyNow(long id, LocalDate effectiveOn) {
		String owner = claimForApply(id, checked(effectiveOn));
		try (Lease held = hold(id, owner)) {
			applyClaimed(id, owner);
		}
		return status(id);
	}

	/** Drops a preview, or a failed import, that will not be applied (its file is deleted). */
	public void discard(long id) {
		Integer changed = ownTransaction.execute(tx -> {
			int updated = jdbc.sql("UPDATE hr_import SET status = 'DISCARDED' WHERE id = ? AND status IN ('PREVIEWED', 'INVALID', 'FAILED')")
				.param(id).update();
			if (updated > 0) {
				deleteFile(id);
			}
			return updated;
		});
		if (changed == null || changed == 0) {
			status(id);
			throw new ConflictException("Only a finished preview or a failed import that was not applied can be discarded.");
		}
	}

	public HrImportStatus status(long id) {
		return jdbc.sql("SELECT * FROM hr_import WHERE id = ?").param(id).query((rs, n) -> new HrImportStatus(
				rs.getLong("id"), rs.getString("file_name"), State.valueOf(rs.getString("status")), rs.getString("phase"),
				rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("to_create"), rs.getInt("to_update"),
				rs.getInt("to_deactivate"), rs.getInt("unchanged"), rs.getInt("error_count"), rs.getString("failure"),
				rs.getString("requested_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
				rs.getObject("effective_on", LocalDate.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("No import with id " + id));
	}

	/** The most recent imports first. */
	public PageResult<HrImportStatus> recent(PageRequest page) {
		long total = jdbc.sql("SELECT COUNT(*) FROM hr_import").query(Long.class).single();
		List<Long> ids = jdbc.sql("SELECT id FROM hr_import ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(page.size(), page.offset()).query(Long.class).list();
		return new PageResult<>(ids.stream().map(this::status).toList(), page.page(), page.size(), total);
	}

	public List<HrImportStatus.Issue> issues(long id) {
		status(id);
		return jdbc.sql("SELECT line, column_name, message FROM hr_import_issue WHERE import_id = ? ORDER BY position")
			.param(id).query((rs, n) -> {
				int line = rs.getInt(1);
				return new HrImportStatus.Issue(rs.wasNull() ? null : line, rs.getString(2), rs.getString(3));
			}).list();
	}

	/** The first planned changes of each kind (at most 200 in all). */
	public List<HrImportStatus.PlannedChange> plannedChanges(long id) {
		status(id);
		return jdbc.sql("SELECT kind, line, employee_id, summary FROM hr_import_change WHERE import_id = ? ORDER BY position")
			.param(id).query((rs, n) -> {
				int line = rs.getInt(2);
				return new HrImportStatus.PlannedChange(rs.getString(1), rs.wasNull() ? null : line, rs.getString(3), rs.getString(4));
			}).list();
	}

	/** Checks for expired leases now and then every {@code guildhall.imports.lease-check}, on every node. */
	@EventListener(ApplicationReadyEvent.class)
	void startLeaseChecks() {
		leases.scheduleWithFixedDelay(() -> {
			try {
				failExpiredLeases();
			}
			catch (RuntimeException e) {
				log.warn("Could not check the HR imports' leases: {}", e.toString());
			}
		}, 0, leaseCheck.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		leases.shutdownNow();
	}

	/**
	 * Marks imports whose lease ran out as failed: the node preparing or applying them stopped, and
	 * its transaction was rolled back with it. Every node may run this; the update is one statement.
	 *
	 * @return how many imports were marked failed
	 */
	int failExpiredLeases() {
		int count = jdbc.sql("""
				UPDATE hr_import SET status = 'FAILED', phase = NULL, finished_at = ?, lease_until = NULL,
				       failure = CASE WHEN status = 'APPLYING' THEN ? ELSE ? END
				WHERE status IN ('PREVIEWING', 'APPLYING') AND lease_until < ?""")
			.params(Timestamp.from(clock.instant()),
					"Applying stopped: the node applying it went away. Nothing was changed; apply it again or discard it.",
					"The preview stopped: the node preparing it went away. Nothing was changed; discard it and upload the file again.",
					Timestamp.from(databaseNow()))
			.update();
		if (count > 0) {
			log.warn("Marked {} HR imports failed: their node stopped renewing its lease", count);
		}
		return count;
	}

	/** A claim on a running import, renewed every heartbeat until closed. */
	final class Lease implements AutoCloseable {

		private final AtomicReference<ScheduledFuture<?>> renewal = new AtomicReference<>();

		private Lease(long id, String owner) {
			renewal.set(leases.scheduleAtFixedRate(() -> renew(id, owner), heartbeat.toMillis(), heartbeat.toMillis(),
					TimeUnit.MILLISECONDS));
		}

		private void renew(long id, String owner) {
			try {
				int renewed = jdbc.sql("""
						UPDATE hr_import SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status IN ('PREVIEWING', 'APPLYING')""")
					.params(Timestamp.from(databaseNow().plus(lease)), id, owner).update();
				if (renewed == 0) {
					log.info("HR import {}: lease {} ended (the import finished, or was marked failed meanwhile)", id, owner);
					close();
				}
			}
			catch (RuntimeException e) {
				// the database may be away for a moment: the next beat tries again, the lease still runs
				log.warn("HR import {}: could not renew lease {}: {}", id, owner, e.toString());
			}
		}

		@Override
		public void close() {
			ScheduledFuture<?> future = renewal.get();
			if (future != null) {
				future.cancel(false);
			}
		}
	}

	/** Starts renewing the lease that {@code owner} already took on the import. */
	Lease hold(long id, String owner) {
		return new Lease(id, owner);
	}

	private void inBackground(long id, String owner, Runnable work) {
		Lease held = hold(id, owner);
		try {
			executor.execute(() -> {
				try (held) {
					work.run();
				}
			});
		}
		catch (RuntimeException e) {
			held.close();
			fail(id, owner, "Could not be started: the server is too busy. Nothing was changed.");
			throw e;
		}
	}

	/** One claim: this node, and a random part so that two claims of one node never pass for each other. */
	private String newOwner() {
		return node + "/" + UUID.randomUUID();
	}

	private static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException | RuntimeException e) {
			host = "node";
		}
		String name = host + ":" + ProcessHandle.current().pid();
		return name.length() > 150 ? name.substring(0, 150) : name;
	}

	private Instant databaseNow() {
		return jdbc.sql("SELECT CURRENT_TIMESTAMP").query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
	}

	/** The claim that held an import lost its lease (its node was taken for dead); its work is rolled back. */
	private static final class LeaseLost extends RuntimeException {

		LeaseLost(long id) {
			super("HR import " + id + ": the lease ran out and the import was marked failed meanwhile", null, false, false);
		}
	}

	private long store(String fileName, byte[] content, String requestedBy, String owner) {
		if (content.length > UploadLimits.MAX_UPLOAD_BYTES) {
			throw new InvalidInputException("file", "is larger than the limit of " + UploadLimits.describe());
		}
		if (content.length == 0) {
			throw new InvalidInputException("file", "is empty");
		}
		String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
		if (name.length() > 255) {
			name = name.substring(0, 255);
		}
		String storedName = name;
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		Long stored = ownTransaction.execute(tx -> {
			jdbc.sql("""
					INSERT INTO hr_import (file_name, content_sha256, status, phase, requested_by, created_at, lease_owner, lease_until)
					VALUES (?, ?, 'PREVIEWING', 'reading', ?, ?, ?, ?)""")
				.params(storedName, Sha256.hex(content), requestedBy, Timestamp.from(clock.instant()), owner,
						Timestamp.from(databaseNow().plus(lease)))
				.update(key, "id");
			long id = key.getKeyAs(Number.class).longValue();
			jdbc.sql("INSERT INTO hr_import_file (import_id, content) VALUES (?, ?)").params(id, gzip(content)).update();
			return id;
		});
		return stored;
	}

	private void preview(long id, String owner) {
		try {
			byte[] content = content(id);
			ImportPlan plan = plan(content, id);
			sideTransaction.executeWithoutResult(tx -> savePreview(id, owner, plan));
		}
		catch (LeaseLost e) {
			log.warn("{}; the preview was dropped", e.getMessage());
		}
		catch (RuntimeException e) {
			log.error("Preview of HR import {} failed", id, e);
			fail(id, owner, "The preview failed unexpectedly; nothing was changed.");
		}
	}

	private ImportPlan plan(byte[] content, long id) {
		HrFile file = HrFile.read(content, progress(id, "reading"));
		setTotal(id, file.rows().size());
		var existing = writer.snapshot(file.has(Column.LANGUAGES), file.has(Column.SKILLS), file.has(Column.GOALS));
		return new ImportPlanner(skills.idsByKey(), existing).plan(file, progress(id, "checking"));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** A day ahead is allowed for a file exported the evening before in a time zone east of UTC. */
	private LocalDate checked(LocalDate effectiveOn) {
		Objects.requireNonNull(effectiveOn, "effectiveOn");
		LocalDate latest = today().plusDays(1);
		if (effectiveOn.isAfter(latest)) {
			throw new InvalidInputException("effectiveOn", "is " + effectiveOn + ", in the future; an import records "
					+ "changes that have taken effect, so the latest day allowed is " + latest);
		}
		return effectiveOn;
	}

	/** Takes the import for applying, with a new lease; returns the claim. */
	private String claimForApply(long id, LocalDate effectiveOn) {
		failExpiredLeases(); // an import left by a stopped node blocks no other from the moment its lease ran out
		requireApplicable(status(id));
		String owner = newOwner();
		Integer claimed = ownTransaction.execute(tx -> {
			// claims take turns, so that the check below sees an import another node claimed a moment ago
			jdbc.sql("SELECT id FROM hr_import_apply_turn WHERE id = 1 FOR UPDATE").query(Integer.class).list();
			return jdbc.sql("""
				UPDATE hr_import SET status = 'APPLYING', phase = 'starting', processed_rows = 0, effective_on = ?, failure = NULL,
				       finished_at = NULL, lease_owner = ?, lease_until = ?
				WHERE id = ?
				  AND (status = 'PREVIEWED'
				       OR (status = 'FAILED' AND effective_on IS NOT NULL
				           AND EXISTS (SELECT 1 FROM hr_import_file f WHERE f.import_id = hr_import.id)))
				  AND NOT EXISTS (SELECT 1 FROM hr_import other WHERE other.status = 'APPLYING')""")
				.params(java.sql.Date.valueOf(effectiveOn), owner, Timestamp.from(databaseNow().plus(lease)), id).update();
		});
		if (claimed == null || claimed == 0) {
			requireApplicable(status(id));
			throw new ConflictException("Another import is being applied; wait until it has finished.");
		}
		return owner;
	}

	private static void requireApplicable(HrImportStatus status) {
		if (!status.applicable()) {
			throw new ConflictException(switch (status.state()) {
				case INVALID -> "This import has errors and cannot be applied; fix the file and upload it again.";
				case PREVIEWING -> "The preview is not ready yet.";
				case APPLYING -> "This import is already being applied.";
				case APPLIED -> "This import was already applied.";
				case FAILED -> "The preview of this import failed; discard it and upload the file again.";
				default -> "This import cannot be applied (it is " + status.state().name().toLowerCase() + ").";
			});
		}
	}

	private void applyClaimed(long id, String owner) {
		try {
			byte[] content = content(id);
			LocalDate effectiveOn = jdbc.sql("SELECT effective_on FROM hr_import WHERE id = ?").param(id)
				.query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single().orElseGet(this::today);
			ImportPlan applied = ownTransaction.execute(tx -> {
				ImportPlan plan = plan(content, id);
				if (!plan.valid()) {
					tx.setRollbackOnly();
					return plan;
				}
				writer.write(plan, progress(id, "writing"));
				progress(id, "recording history").accept(plan.creates().size() + plan.updates().size()
						+ plan.deactivations().size());
				long started = System.nanoTime();
				history.recordChanges(effectiveOn).ifPresent(recorded -> log.info(
						"HR import {}: {} person history entries as of {} in {} ms", id, recorded.entries(), effectiveOn,
						(System.nanoTime() - started) / 1_000_000));
				// the claim's last word: if its lease ran out meanwhile, another node marked it failed and this rolls back
				int finished = jdbc.sql("""
						UPDATE hr_import SET status = 'APPLIED', phase = NULL, to_create = ?, to_update = ?, to_deactivate = ?,
						       unchanged = ?, finished_at = ?, lease_until = NULL
						WHERE id = ? AND status = 'APPLYING' AND lease_owner = ?""")
					.params(plan.creates().size(), plan.updates().size(), plan.deactivations().size(), plan.unchanged(),
							Timestamp.from(clock.instant()), id, owner)
					.update();
				if (finished == 0) {
					throw new LeaseLost(id);
				}
				deleteFile(id);
				String appliedBy = jdbc.sql("SELECT applied_by FROM hr_import WHERE id = ?").param(id)
					.query((rs, n) -> Optional.ofNullable(rs.getString(1))).single().orElse(null);
				events.publishEvent(new PeopleImported(id, plan.creates().size(), plan.updates().size(),
						plan.deactivations().size(), appliedBy));
				return plan;
			});
			if (applied != null && applied.valid()
					&& applied.creates().size() + applied.updates().size() + applied.deactivations().size() >= 1_000) {
				refreshStatistics();
			}
			if (applied != null && !applied.valid()) {
				fail(id, owner, "The people data changed since the preview and the file now has " + applied.issues().size()
						+ " problems (first: " + applied.issues().get(0) + "); nothing was changed. Upload it again.");
			}
			directory.forgetFacets();
		}
		catch (LeaseLost e) {
			log.warn("{}; applying it was rolled back", e.getMessage());
		}
		catch (RuntimeException e) {
			log.error("Applying HR import {} failed", id, e);
			fail(id, owner, "Applying failed and was rolled back; nothing was changed.");
		}
	}

	/** After a large import the query planner needs fresh statistics to keep directory search fast. */
	private void refreshStatistics() {
		// PostgreSQL: VACUUM also marks the new rows visible, so counts can read indexes alone; H2 has only ANALYZE
		for (String statement : List.of("VACUUM ANALYZE", "ANALYZE")) {
			try {
				jdbc.sql(statement).update();
				return;
			}
			catch (RuntimeException e) {
				log.debug("{} after an import did not run: {}", statement, e.getMessage());
			}
		}
		log.warn("Could not refresh the database statistics after an import");
	}

	private void savePreview(long id, String owner, ImportPlan plan) {
		jdbc.sql("DELETE FROM hr_import_issue WHERE import_id = ?").param(id).update();
		jdbc.sql("DELETE FROM hr_import_change WHERE import_id = ?").param(id).update();
		int position = 0;
		for (ImportIssue issue : plan.issues()) {
			jdbc.sql("INSERT INTO hr_import_issue (import_id, position, line, column_name, message) VALUES (?, ?, ?, ?, ?)")
				.params(id, position++, issue.line(), issue.column(), truncate(issue.message(), 500)).update();
		}
		List<Object[]> sample = new ArrayList<>();
		plan.creates().stream().limit(MAX_SAMPLE_CHANGES / 3).forEach(c -> sample.add(new Object[] {"create", c.line(), c.record().employeeId(), c.summary()}));
		plan.updates().stream().limit(MAX_SAMPLE_CHANGES / 3).forEach(c -> sample.add(new Object[] {"update", c.line(), c.record().employeeId(), c.summary()}));
		plan.deactivations().stream().limit(MAX_SAMPLE_CHANGES / 3).forEach(d -> sample.add(new Object[] {"deactivate", null, d.employeeId(), "deactivated: " + d.fullName() + " is not in the file"}));
		position = 0;
		for (Object[] change : sample) {
			jdbc.sql("INSERT INTO hr_import_change (import_id, position, kind, line, employee_id, summary) VALUES (?, ?, ?, ?, ?, ?)")
				.params(id, position++, change[0], change[1], change[2], truncate((String) change[3], 500)).update();
		}
		int saved = jdbc.sql("""
				UPDATE hr_import SET status = ?, phase = NULL, to_create = ?, to_update = ?, to_deactivate = ?, unchanged = ?,
				       error_count = ?, finished_at = ?, lease_until = NULL, cleared = ?
				WHERE id = ? AND status = 'PREVIEWING' AND lease_owner = ?""")
			.params(plan.valid() ? "PREVIEWED" : "INVALID", plan.creates().size(), plan.updates().size(),
					plan.deactivations().size(), plan.unchanged(), plan.issues().size(), Timestamp.from(clock.instant()),
					truncate(plan.cleared().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
						.collect(java.util.stream.Collectors.joining(";")), 1000), id, owner)
			.update();
		if (saved == 0) {
			throw new LeaseLost(id);
		}
	}

	private byte[] content(long id) {
		return jdbc.sql("SELECT content FROM hr_import_file WHERE import_id = ?").param(id).query(byte[].class).optional()
			.map(HrImports::gunzip).orElse(new byte[0]);
	}

	/**
	 * Files are kept compressed: HR exports shrink about five-fold, which keeps a 100,000-row
	 * upload small in the database and in H2's write buffers.
	 */
	static byte[] gzip(byte[] content) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length / 4 + 64);
		try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out, 1 << 16)) {
			zip.write(content);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** The stored file; files stored before compression (no gzip header) come back as they are. */
	static byte[] gunzip(byte[] stored) {
		if (stored.length < 2 || (stored[0] & 0xFF) != 0x1F || (stored[1] & 0xFF) != 0x8B) {
			return stored;
		}
		try (java.util.zip.GZIPInputStream zip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(stored), 1 << 16)) {
			return zip.readAllBytes();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** A file is kept only while it may still be applied. */
	private void deleteFile(long id) {
		jdbc.sql("DELETE FROM hr_import_file WHERE import_id = ?").param(id).update();
	}

	private void setTotal(long id, int total) {
		sideTransaction.executeWithoutResult(tx -> jdbc.sql("UPDATE hr_import SET total_rows = ? WHERE id = ?")
			.params(total, id).update());
	}

	private IntConsumer progress(long id, String phase) {
		long[] last = {0};
		return done -> {
			long now = System.nanoTime();
			if (now - last[0] > 250_000_000L) {
				last[0] = now;
				sideTransaction.executeWithoutResult(tx -> jdbc
					.sql("UPDATE hr_import SET processed_rows = ?, phase = ? WHERE id = ?").params(done, phase, id).update());
			}
		};
	}

	/** Marks the import failed, unless the claim lost it meanwhile (then it is failed already, or claimed again). */
	private void fail(long id, String owner, String message) {
		sideTransaction.executeWithoutResult(tx -> jdbc.sql("""
				UPDATE hr_import SET status = 'FAILED', phase = NULL, failure = ?, finished_at = ?, lease_until = NULL
				WHERE id = ? AND lease_owner = ? AND status IN ('PREVIEWING', 'APPLYING')""")
			.params(message, Timestamp.from(clock.instant()), id, owner).update());
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
