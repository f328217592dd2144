import * as v from 'valibot';
import type { Database } from '../db';
import {
	AccountProblem,
	createTeacher,
	listTeachers,
	resetTeacherPassword,
	setTeacherApprover,
	setTeacherDisabled,
	type Teacher
} from './accounts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

/** An administrator's command, as the CLI sends it (directly or through the server's admin socket). */
export const AdminCommandSchema = v.variant('command', [
	v.object({ command: v.literal('create'), email: v.string(), name: v.string(), password: v.string() }),
	v.object({ command: v.literal('list') }),
	v.object({ command: v.picklist(['disable', 'enable']), email: v.string() }),
	v.object({ command: v.picklist(['grant-approver', 'revoke-approver']), email: v.string() }),
	v.object({ command: v.literal('reset-password'), email: v.string(), password: v.string() })
]);

export type AdminCommand = v.InferOutput<typeof AdminCommandSchema>;

export interface AdminResult {
	ok: boolean;
	/** Lines to print. */
	lines: string[];
}

const PROBLEMS: Record<AccountProblem['code'], string> = {
	invalid_email: 'That is not a valid email address.',
	invalid_name: 'The name must be 1–80 printable characters.',
	too_short: `The password must have at least ${PASSWORD_MIN_LENGTH} characters (a few words make a good one).`,
	too_long: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
	common:
		'That password is one of the most common passwords (or one with digits or symbols added), which attackers try first. Please choose another: a few unrelated words make a good one.',
	personal:
		'The password contains part of the email address or of the teacher’s name, which anyone who knows the teacher would try. Please choose another.',
	repetitive:
		'The password is only repeated or sequential characters (like aaaa, abcabc, 1234 or qwerty), which are guessed first. Please choose another.',
	exists: 'An account with this email already exists.',
	unknown: 'There is no account with this email (see `npm run admin -- list`).'
};

const describe = (t: Teacher) => `${t.email} (${t.name})`;

/** Runs one administrator command against the database and says what happened. */
export async function runAdminCommand(db: Database, command: AdminCommand): Promise<AdminResult> {
	try {
		switch (command.command) {
			case 'create': {
				const teacher = await createTeacher(db, command);
				return { ok: true, lines: [`Created the teacher account ${describe(teacher)}.`] };
			}
			case 'list': {
				const all = await listTeachers(db);
				if (all.length === 0) return { ok: true, lines: ['No teacher accounts yet.'] };
				return {
					ok: true,
					lines: all.map(
						(t) =>
							`${t.disabledAt ? 'disabled' : 'active  '}  ${t.email}  ${t.name}  (created ${t.createdAt.toISOString().slice(0, 10)}${t.approver ? ', approver' : ''})`
					)
				};
			}
			case 'disable':
			case 'enable': {
				const teacher = await setTeacherDisabled(db, command.email, command.command === 'disable');
				return {
					ok: true,
					lines: [
						command.command === 'disable'
							? `Disabled ${describe(teacher)}; its sessions have ended.`
							: `Enabled ${describe(teacher)}.`
					]
				};
			}
			case 'grant-approver':
			case 'revoke-approver': {
				const grant = command.command === 'grant-approver';
				const teacher = await setTeacherApprover(db, command.email, grant);
				return {
					ok: true,
					lines: [
						grant
							? `${describe(teacher)} is now an approver: may publish, reject and confirm narration.`
							: `${describe(teacher)} is no longer an approver (may still record narration).`
					]
				};
			}
			case 'reset-password': {
				const teacher = await resetTeacherPassword(db, command.email, command.password);
				return { ok: true, lines: [`New password set for ${describe(teacher)}; its sessions have ended.`] };
			}
		}
	} catch (error) {
		if (error instanceof AccountProblem) return { ok: false, lines: [PROBLEMS[error.code]] };
		throw error;
	}
}
