import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Course } from '$lib/content/types';
import type { Locale } from '$lib/i18n/locale';
import type { Database } from '../db';
import { narrationLog, narrations, teachers } from '../db/schema-teach';
import { checkNarrationAudio, type AudioProblem } from './audio-check';
import { currentHashes, findStep, stepKey, type StepRef } from './script';

/**
 * Recording, review and serving of narration (docs/narration.md, docs/teacher-mode.md#narration).
 * Every teacher may record; only an approver publishes, rejects and confirms. A teacher replaces or
 * deletes only her own drafts. A published recording gives way (`replaced`) only when a newer one
 * is published for the same step and language. Every change is logged in `narration_log`.
 */

/** Who acts: the signed-in teacher. */
export interface Actor {
	id: string;
	approver: boolean;
}

export type NarrationStatus = 'draft' | 'published' | 'rejected' | 'replaced';

/** Why a change was refused, with the HTTP status that says so. */
export const REFUSALS = {
	/** No such step in the catalogue, or no such narration. */
	not_found: 404,
	/** Publishing, rejecting and confirming are for approvers. */
	not_approver: 403,
	/** Another teacher's draft. */
	not_yours: 403,
	/** The narration is no longer a draft (published, rejected or replaced meanwhile). */
	not_draft: 409,
	/** Recorded for text the step no longer has: record it again. */
	outdated: 409,
	/** Confirming a narration that already fits its step's text. */
	current: 409
} as const;

export type Refusal = keyof typeof REFUSALS;

export class NarrationRefused extends Error {
	name = 'NarrationRefused';
	readonly status: number;
	constructor(readonly code: Refusal) {
		super(code);
		this.status = REFUSALS[code];
	}
}

/** Every column but the audio itself, for lists. */
const meta = {
	id: narrations.id,
	courseId: narrations.courseId,
	lessonId: narrations.lessonId,
	step: narrations.step,
	locale: narrations.locale,
	textHash: narrations.textHash,
	status: narrations.status,
	mime: narrations.mime,
	bytes: narrations.bytes,
	durationMs: narrations.durationMs,
	recordedBy: narrations.recordedBy,
	recordedAt: narrations.recordedAt,
	reviewedBy: narrations.reviewedBy,
	reviewedAt: narrations.reviewedAt
};

export type NarrationMeta = Omit<typeof narrations.$inferSelect, 'audio'>;

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function log(
	tx: Tx | Database,
	row: NarrationMeta,
	teacherId: string,
	action: (typeof narrationLog.$inferInsert)['action']
) {
	await tx.insert(narrationLog).values({
		id: crypto.randomUUID(),
		narrationId: row.id,
		teacherId,
		courseId: row.courseId,
		lessonId: row.lessonId,
		step: row.step,
		locale: row.locale,
		action
	});
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The narration with this id, without its audio; undefined for an unknown or malformed id. */
export async function narrationById(db: Database | Tx, id: string): Promise<NarrationMeta | undefined> {
	if (!isUuid(id)) return undefined;
	const [row] = await db.select(meta).from(narrations).where(eq(narrations.id, id));
	return row;
}

export type RecordResult =
	{ ok: true; narration: NarrationMeta } | { ok: false; problem: AudioProblem | 'not_found'; status: number };

/** HTTP status of each refused upload. */
export const AUDIO_STATUS: Record<AudioProblem, number> = {
	empty: 400,
	too_big: 413,
	not_audio: 415,
	wrong_codec: 415,
	unreadable: 422,
	too_long: 422
};

/**
 * Stores a new recording of a step as the teacher's draft, after checking it by its content; her
 * earlier draft of the same step and language, if any, is replaced (deleted, and logged so). A
 * refused upload stores nothing.
 */
export async function recordNarration(
	db: Database,
	courses: readonly Course[],
	actor: Actor,
	ref: StepRef,
	audio: Uint8Array
): Promise<RecordResult> {
	const found = findStep(courses, ref);
	if (!found) return { ok: false, problem: 'not_found', status: 404 };
	const check = await checkNarrationAudio(audio);
	if (!check.ok) return { ok: false, problem: check.problem, status: AUDIO_STATUS[check.problem] };
	const narration = await db.transaction(async (tx) => {
		const sameStep = and(
			eq(narrations.courseId, ref.courseId),
			eq(narrations.lessonId, ref.lessonId),
			eq(narrations.step, ref.step),
			eq(narrations.locale, ref.locale)
		);
		const earlier = await tx
			.delete(narrations)
			.where(and(sameStep, eq(narrations.recordedBy, actor.id), eq(narrations.status, 'draft')))
			.returning(meta);
		for (const row of earlier) await log(tx, row, actor.id, 'replaced');
		const [row] = await tx
			.insert(narrations)
			.values({
				id: crypto.randomUUID(),
				...ref,
				textHash: found.hash,
				status: 'draft',
				mime: check.mime,
				audio,
				bytes: audio.length,
				durationMs: check.durationMs,
				recordedBy: actor.id
			})
			.returning(meta);
		await log(tx, row, actor.id, 'recorded');
		return row;
	});
	return { ok: true, narration };
}

/** Deletes the teacher's own draft (logged). Another teacher's, or one no longer a draft, is refused. */
export async function deleteDraft(db: Database, actor: Actor, id: string): Promise<NarrationMeta> {
	return db.transaction(async (tx) => {
		const row = await narrationById(tx, id);
		if (!row) throw new NarrationRefused('not_found');
		if (row.recordedBy !== actor.id) throw new NarrationRefused('not_yours');
		const [deleted] = await tx
			.delete(narrations)
			.where(and(eq(narrations.id, id), eq(narrations.status, 'draft')))
			.returning(meta);
		if (!deleted) throw new NarrationRefused('not_draft');
		await log(tx, deleted, actor.id, 'deleted');
		return deleted;
	});
}

function approver(actor: Actor) {
	if (!actor.approver) throw new NarrationRefused('not_approver');
}

const currentHash = (courses: readonly Course[], row: NarrationMeta) =>
	findStep(courses, { ...row, locale: row.locale as Locale })?.hash;

/**
 * Publishes a draft (approvers only): the step's published narration, if any, becomes `replaced`
 * in the same transaction. A draft recorded for text the step no longer has is refused.
 */
export async function publishNarration(
	db: Database,
	courses: readonly Course[],
	actor: Actor,
	id: string
): Promise<NarrationMeta> {
	approver(actor);
	return db.transaction(async (tx) => {
		const row = await narrationById(tx, id);
		if (!row) throw new NarrationRefused('not_found');
		if (row.status !== 'draft') throw new NarrationRefused('not_draft');
		if (currentHash(courses, row) !== row.textHash) throw new NarrationRefused('outdated');
		const now = new Date();
		const replaced = await tx
			.update(narrations)
			.set({ status: 'replaced' })
			.where(
				and(
					eq(narrations.courseId, row.courseId),
					eq(narrations.lessonId, row.lessonId),
					eq(narrations.step, row.step),
					eq(narrations.locale, row.locale),
					eq(narrations.status, 'published')
				)
			)
			.returning(meta);
		for (const old of replaced) await log(tx, old, actor.id, 'replaced');
		const [published] = await tx
			.update(narrations)
			.set({ status: 'published', reviewedBy: actor.id, reviewedAt: now })
			.where(and(eq(narrations.id, id), eq(narrations.status, 'draft')))
			.returning(meta);
		if (!published) throw new NarrationRefused('not_draft');
		await log(tx, published, actor.id, 'published');
		return published;
	});
}

/** Rejects a draft (approvers only); it is kept, and never served. */
export async function rejectNarration(db: Database, actor: Actor, id: string): Promise<NarrationMeta> {
	approver(actor);
	return db.transaction(async (tx) => {
		const [row] = isUuid(id)
			? await tx
					.update(narrations)
					.set({ status: 'rejected', reviewedBy: actor.id, reviewedAt: new Date() })
					.where(and(eq(narrations.id, id), eq(narrations.status, 'draft')))
					.returning(meta)
			: [];
		if (!row) throw new NarrationRefused((await narrationById(tx, id)) ? 'not_draft' : 'not_found');
		await log(tx, row, actor.id, 'rejected');
		return row;
	});
}

/**
 * Confirms that a published narration still fits its step's changed text (approvers only): it takes
 * the current script's hash and reaches learners again.
 */
export async function confirmNarration(
	db: Database,
	courses: readonly Course[],
	actor: Actor,
	id: string
): Promise<NarrationMeta> {
	approver(actor);
	return db.transaction(async (tx) => {
		const row = await narrationById(tx, id);
		if (!row || row.status !== 'published') throw new NarrationRefused(row ? 'not_draft' : 'not_found');
		const hash = currentHash(courses, row);
		// A step that has gone from the lesson: nothing to confirm it against.
		if (!hash) throw new NarrationRefused('not_found');
		if (hash === row.textHash) throw new NarrationRefused('current');
		const [confirmed] = await tx
			.update(narrations)
			.set({ textHash: hash, reviewedBy: actor.id, reviewedAt: new Date() })
			.where(and(eq(narrations.id, id), eq(narrations.status, 'published')))
			.returning(meta);
		if (!confirmed) throw new NarrationRefused('not_draft');
		await log(tx, confirmed, actor.id, 'confirmed');
		return confirmed;
	});
}

export interface ListedNarration extends NarrationMeta {
	recordedByName: string;
	/** Recorded for text the step no longer has. */
	outdated: boolean;
}

async function listed(
	db: Database,
	courses: readonly Course[],
	where: SQL | undefined
): Promise<ListedNarration[]> {
	const rows = await db
		.select({ ...meta, recordedByName: teachers.name })
		.from(narrations)
		.innerJoin(teachers, eq(teachers.id, narrations.recordedBy))
		.where(where)
		.orderBy(asc(narrations.lessonId), asc(narrations.step), desc(narrations.recordedAt));
	return rows.map((r) => ({ ...r, outdated: currentHash(courses, r) !== r.textHash }));
}

/** One step's narration in one language, as the teacher pages show it. */
export interface StepNarration {
	step: number;
	script: string;
	/** `none`: nothing published and no draft; `outdated`: the published one no longer fits. */
	status: 'none' | 'draft' | 'published' | 'outdated';
	published?: ListedNarration;
	drafts: ListedNarration[];
}

/** Every step of a lesson in one language with its script, published narration and drafts. */
export async function lessonNarration(
	db: Database,
	courses: readonly Course[],
	courseId: string,
	lessonId: string,
	locale: Locale
): Promise<StepNarration[] | undefined> {
	const lesson = courses.find((c) => c.id === courseId)?.lessons.find((l) => l.id === lessonId);
	if (!lesson) return undefined;
	const rows = await listed(
		db,
		courses,
		and(
			eq(narrations.courseId, courseId),
			eq(narrations.lessonId, lessonId),
			eq(narrations.locale, locale),
			inArray(narrations.status, ['draft', 'published'])
		)
	);
	return lesson.steps.map((_, i) => {
		const { script } = findStep(courses, { courseId, lessonId, step: i, locale })!;
		const mine = rows.filter((r) => r.step === i);
		const published = mine.find((r) => r.status === 'published');
		const drafts = mine.filter((r) => r.status === 'draft');
		const status = published
			? published.outdated
				? 'outdated'
				: 'published'
			: drafts.length
				? 'draft'
				: 'none';
		return { step: i, script, status, published, drafts };
	});
}

/** What an approver reviews: every draft, and published narration that no longer fits its step. */
export async function reviewList(db: Database, courses: readonly Course[]): Promise<ListedNarration[]> {
	const rows = await listed(db, courses, inArray(narrations.status, ['draft', 'published']));
	return rows.filter((r) => r.status === 'draft' || r.outdated);
}

/** Published narration of a course in one language, whether current or not. */
async function published(db: Database, courseId: string, locale: Locale) {
	return db
		.select(meta)
		.from(narrations)
		.where(
			and(
				eq(narrations.courseId, courseId),
				eq(narrations.locale, locale),
				eq(narrations.status, 'published')
			)
		);
}

export interface PackManifest {
	courseId: string;
	locale: Locale;
	files: { lessonId: string; step: number; url: string; type: string; bytes: number; durationMs: number }[];
	bytes: number;
}

/** The course's pack manifest (docs/narration.md): published, current narration only, in lesson order. */
export async function packManifest(db: Database, course: Course, locale: Locale): Promise<PackManifest> {
	const hashes = currentHashes(course, locale);
	const order = new Map(course.lessons.map((l, i) => [l.id, i]));
	const files = (await published(db, course.id, locale))
		.filter((r) => hashes.get(stepKey(r.lessonId, r.step)) === r.textHash)
		.sort((a, b) => order.get(a.lessonId)! - order.get(b.lessonId)! || a.step - b.step)
		.map((r) => ({
			lessonId: r.lessonId,
			step: r.step,
			url: `/api/v1/narration/audio/${r.id}`,
			type: r.mime,
			bytes: r.bytes,
			durationMs: r.durationMs
		}));
	return { courseId: course.id, locale, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}

export interface NarrationAudio {
	mime: string;
	audio: Uint8Array;
}

/** The audio of a narration learners may hear (published and current); undefined otherwise. */
export async function servableAudio(
	db: Database,
	courses: readonly Course[],
	id: string
): Promise<NarrationAudio | undefined> {
	if (!isUuid(id)) return undefined;
	const [row] = await db
		.select({ ...meta, audio: narrations.audio })
		.from(narrations)
		.where(and(eq(narrations.id, id), eq(narrations.status, 'published')));
	if (!row || currentHash(courses, row) !== row.textHash) return undefined;
	return { mime: row.mime, audio: row.audio };
}

/** Any narration's audio, drafts included: for signed-in teachers only (the teacher pages). */
export async function anyAudio(db: Database, id: string): Promise<NarrationAudio | undefined> {
	if (!isUuid(id)) return undefined;
	const [row] = await db
		.select({ mime: narrations.mime, audio: narrations.audio })
		.from(narrations)
		.where(eq(narrations.id, id));
	return row;
}
