import { db } from '$lib/learner/db';

/** The class a learner on this device belongs to (at most one). */
export interface ClassMembership {
	code: string;
	name: string;
	teacherName: string;
	/** ISO-8601 time the learner joined on this device. */
	joinedAt: string;
}

const key = (profileId: string) => `class:${profileId}`;

function isMembership(value: unknown): value is ClassMembership {
	const v = value as ClassMembership | undefined;
	return typeof v?.code === 'string' && typeof v.name === 'string' && typeof v.teacherName === 'string';
}

/** The learner's class, if they joined one; certificates sent while it is set carry its code. */
export async function currentClass(profileId: string): Promise<ClassMembership | undefined> {
	const row = await db().device.get(key(profileId));
	return isMembership(row?.value) ? row.value : undefined;
}

/** Joins a class (replacing any earlier one), saved before it is shown as joined. */
export async function joinClass(
	profileId: string,
	cls: { code: string; name: string; teacherName: string },
	now = new Date()
): Promise<ClassMembership> {
	const membership: ClassMembership = {
		code: cls.code,
		name: cls.name,
		teacherName: cls.teacherName,
		joinedAt: now.toISOString()
	};
	await db().device.put({ key: key(profileId), value: membership });
	return membership;
}

/** Leaves the class: later certificates carry no class. */
export async function leaveClass(profileId: string): Promise<void> {
	await db().device.delete(key(profileId));
}
