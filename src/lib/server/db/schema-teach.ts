import {
	boolean,
	customType,
	date,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { certificates } from './schema';

/**
 * Teacher mode (docs/teacher-mode.md). Which learners belong to a class is not stored here: it is
 * read from the certificates that arrived with the class's code, the only thing a learner shares.
 */

/** Teacher accounts, created by an administrator (`npm run admin`); never by sign-up. */
export const teachers = pgTable('teachers', {
	id: uuid('id').primaryKey(),
	/** Lower-cased; the sign-in name. */
	email: text('email').notNull().unique(),
	/** Shown to the teacher, to learners joining a class, and on confirmed certificates. */
	name: text('name').notNull(),
	/** argon2id PHC string (see teach/password.ts). */
	passwordHash: text('password_hash').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	disabledAt: timestamp('disabled_at', { withTimezone: true }),
	/** May publish, reject and confirm recorded narration (`npm run admin -- approver …`). */
	approver: boolean('approver').notNull().default(false)
});

/** Signed-in sessions: only the SHA-256 of the cookie's random token is kept. */
export const teacherSessions = pgTable(
	'teacher_sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		teacherId: uuid('teacher_id')
			.notNull()
			.references(() => teachers.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** Slides forward while the teacher is active; the session ends after this much inactivity. */
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('teacher_sessions_teacher_idx').on(t.teacherId)]
);

/**
 * Sign-in attempts counted per key, shared by every instance (src/lib/server/teach/throttle.ts):
 * `account+address:<email> <ip>` and `address:<ip>` count failures since `last_failure_at`;
 * for `account:<email>`, `failures` is the attempts still counted and `last_failure_at` the time
 * that count drains from.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull()
});

/** A teacher's class; learners join it on their device with the code. */
export const classes = pgTable(
	'classes',
	{
		id: uuid('id').primaryKey(),
		teacherId: uuid('teacher_id')
			.notNull()
			.references(() => teachers.id),
		/** Join code (teach/join-code.ts); unique forever, so an old certificate never lands in a new class. */
		code: text('code').notNull().unique(),
		name: text('name').notNull(),
		place: text('place'),
		startsOn: date('starts_on'),
		endsOn: date('ends_on'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('classes_teacher_idx').on(t.teacherId)]
);

/** "Confirmed in person": the teacher saw the learner do the real task on e-Mongolia. */
export const inPersonConfirmations = pgTable('in_person_confirmations', {
	certificateId: uuid('certificate_id')
		.primaryKey()
		.references(() => certificates.id),
	classId: uuid('class_id')
		.notNull()
		.references(() => classes.id),
	teacherId: uuid('teacher_id')
		.notNull()
		.references(() => teachers.id),
	confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow()
});

/** Raw bytes (PostgreSQL `bytea`); both drivers hand them over as a Uint8Array (a Buffer on pg). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Recorded narration of one lesson step in one language (docs/narration.md): `draft` when recorded,
 * `published` once an approver publishes it (then served to learners while its `text_hash` is the
 * step's current one), `rejected`, or `replaced` by a newer published recording.
 */
export const narrations = pgTable(
	'narrations',
	{
		id: uuid('id').primaryKey(),
		courseId: text('course_id').notNull(),
		lessonId: text('lesson_id').notNull(),
		/** The step's index (0-based) in the lesson. */
		step: integer('step').notNull(),
		locale: text('locale').notNull(),
		/** SHA-256 (hex) of the narration script it was recorded for (or confirmed to fit). */
		textHash: text('text_hash').notNull(),
		status: text('status', { enum: ['draft', 'published', 'rejected', 'replaced'] }).notNull(),
		/** `audio/webm` or `audio/mp4`, as found in the content. */
		mime: text('mime').notNull(),
		audio: bytea('audio').notNull(),
		bytes: integer('bytes').notNull(),
		durationMs: integer('duration_ms').notNull(),
		recordedBy: uuid('recorded_by')
			.notNull()
			.references(() => teachers.id),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
		reviewedBy: uuid('reviewed_by').references(() => teachers.id),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true })
	},
	(t) => [
		index('narrations_course_idx').on(t.courseId, t.locale, t.status),
		index('narrations_step_idx').on(t.courseId, t.lessonId, t.step, t.locale),
		// At most one published narration per step and language, whatever two approvers do at once.
		uniqueIndex('narrations_published_idx')
			.on(t.courseId, t.lessonId, t.step, t.locale)
			.where(sql`${t.status} = 'published'`)
	]
);

/** Every change to narration: who did what to which step, and when. */
export const narrationLog = pgTable(
	'narration_log',
	{
		id: uuid('id').primaryKey(),
		/** Not a foreign key: the log outlives a deleted draft. */
		narrationId: uuid('narration_id').notNull(),
		teacherId: uuid('teacher_id')
			.notNull()
			.references(() => teachers.id),
		courseId: text('course_id').notNull(),
		lessonId: text('lesson_id').notNull(),
		step: integer('step').notNull(),
		locale: text('locale').notNull(),
		action: text('action', {
			enum: ['recorded', 'published', 'rejected', 'confirmed', 'replaced', 'deleted']
		}).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('narration_log_step_idx').on(t.courseId, t.lessonId, t.step, t.locale)]
);
