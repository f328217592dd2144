import { db, type ProgressEventRow } from './db';

type NewEvent = Omit<ProgressEventRow, 'seq' | 'id' | 'at'>;

/**
 * Appends one progress event. The promise resolves only once the event is durably stored,
 * so the interface never shows progress as saved before it is.
 */
export async function recordEvent(event: NewEvent): Promise<ProgressEventRow> {
	const row: ProgressEventRow = { ...event, id: crypto.randomUUID(), at: new Date().toISOString() };
	await db().events.add(row);
	return row;
}

/** All of a learner's events in one course, in the order they happened on this device. */
export function courseEvents(profileId: string, courseId: string): Promise<ProgressEventRow[]> {
	return db().events.where('[profileId+courseId]').equals([profileId, courseId]).sortBy('seq');
}

/** All of a learner's events, in device order. */
export function allEvents(profileId: string): Promise<ProgressEventRow[]> {
	return db().events.where('profileId').equals(profileId).sortBy('seq');
}
