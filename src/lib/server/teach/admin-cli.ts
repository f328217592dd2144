import { openDatabase } from '../db';
import { runAdminCommand, type AdminCommand, type AdminResult } from './admin';
import { adminSocketPath, sendAdminCommand } from './admin-socket';

export const USAGE = `Teacher accounts for Alkham's teacher pages (/teach).

  npm run admin -- create <email> "<name>"      create an account (asks for the password)
  npm run admin -- list                         list accounts and whether they are active
  npm run admin -- disable <email>              stop an account from signing in; ends its sessions
  npm run admin -- enable <email>               let a disabled account sign in again
  npm run admin -- reset-password <email>       set a new password (asks for it); ends its sessions
  npm run admin -- grant-approver <email>       let the teacher publish, reject and confirm narration
  npm run admin -- revoke-approver <email>      take that role back (the teacher may still record)

The password is asked for twice without showing it; when input is not a terminal, the first line
of standard input is the password (e.g. from a password manager's CLI).
Uses the same database as the server: DATABASE_URL (PostgreSQL) or the embedded one in DATA_DIR
(default ./data). While the server runs on the embedded database, the command goes through it.`;

export interface CliIo {
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
	env: NodeJS.ProcessEnv;
}

/** Reads one line from a non-terminal stdin (a pipe or a file). */
async function readLine(stdin: NodeJS.ReadStream): Promise<string> {
	let text = '';
	for await (const chunk of stdin) {
		text += chunk;
		if (text.includes('\n')) break;
	}
	return text.split(/\r?\n/)[0];
}

/** Asks for a password on a terminal without echoing it. */
function askHidden(io: CliIo, question: string): Promise<string> {
	const { stdin, stdout } = io;
	stdout.write(question);
	stdin.setRawMode(true);
	stdin.resume();
	stdin.setEncoding('utf8');
	return new Promise((done, fail) => {
		let answer = '';
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n') {
					stdin.off('data', onData);
					stdin.setRawMode(false);
					stdin.pause();
					stdout.write('\n');
					return done(answer);
				}
				if (ch === '\u0003') {
					stdin.setRawMode(false);
					return fail(new Error('Cancelled.'));
				}
				if (ch === '\u007f' || ch === '\b') answer = [...answer].slice(0, -1).join('');
				else answer += ch;
			}
		};
		stdin.on('data', onData);
	});
}

async function password(io: CliIo): Promise<string> {
	if (!io.stdin.isTTY) return readLine(io.stdin);
	const first = await askHidden(io, 'New password: ');
	const second = await askHidden(io, 'Once more: ');
	if (first !== second) throw new Error('The two passwords differ; nothing was changed.');
	return first;
}

/** Turns the command line into a command, asking for a password where one is needed. */
async function parse(args: string[], io: CliIo): Promise<AdminCommand | undefined> {
	const [command, ...rest] = args;
	switch (command) {
		case 'create':
			if (rest.length !== 2) return undefined;
			return { command, email: rest[0], name: rest[1], password: await password(io) };
		case 'list':
			return rest.length === 0 ? { command } : undefined;
		case 'disable':
		case 'enable':
		case 'grant-approver':
		case 'revoke-approver':
			return rest.length === 1 ? { command, email: rest[0] } : undefined;
		case 'reset-password':
			return rest.length === 1 ? { command, email: rest[0], password: await password(io) } : undefined;
		default:
			return undefined;
	}
}

async function run(command: AdminCommand, env: NodeJS.ProcessEnv): Promise<AdminResult> {
	if (!env.DATABASE_URL?.trim()) {
		const viaServer = await sendAdminCommand(command, adminSocketPath(env));
		if (viaServer) return viaServer;
	}
	const handle = await openDatabase(env);
	try {
		return await runAdminCommand(handle.db, command);
	} finally {
		await handle.close();
	}
}

/** `npm run admin -- …`: returns the exit status. */
export async function main(args: string[], io: CliIo): Promise<number> {
	if (args.length === 0 || ['help', '--help', '-h'].includes(args[0])) {
		io.stdout.write(USAGE + '\n');
		return args.length === 0 ? 1 : 0;
	}
	try {
		const command = await parse(args, io);
		if (!command) {
			io.stderr.write(`Unknown or incomplete command: ${args.join(' ')}\n\n${USAGE}\n`);
			return 1;
		}
		const result = await run(command, io.env);
		(result.ok ? io.stdout : io.stderr).write(result.lines.join('\n') + '\n');
		return result.ok ? 0 : 1;
	} catch (error) {
		io.stderr.write(`${(error as Error).message}\n`);
		return 1;
	}
}
