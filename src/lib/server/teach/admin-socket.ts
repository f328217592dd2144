import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import type { Database } from '../db';
import { AdminCommandSchema, runAdminCommand, type AdminCommand, type AdminResult } from './admin';

/**
 * The embedded PGlite database belongs to the one server process that opened it: a second process
 * opening the same folder would corrupt it. So while the server runs on PGlite, `npm run admin`
 * hands its command to the server through this Unix socket in DATA_DIR (readable by the same user
 * only, like the database files themselves). With PostgreSQL the CLI connects to the database directly.
 */
export function adminSocketPath(env: NodeJS.ProcessEnv = process.env): string {
	return join(resolve(env.DATA_DIR ?? 'data'), 'admin.sock');
}

const MAX_REQUEST = 16 * 1024;

/** Listens for administrator commands; the socket never keeps the process alive on shutdown. */
export async function startAdminSocket(db: Database, path = adminSocketPath()): Promise<Server | undefined> {
	// A socket file left by a process that was killed would block listening; one that still
	// answers belongs to a running server and is never removed.
	if (await socketAnswers(path)) {
		console.warn(`Admin socket ${path} belongs to another running server; this one has none.`);
		return undefined;
	}
	const server = createServer((socket) => {
		let input = '';
		socket.setEncoding('utf8');
		socket.on('data', async (chunk: string) => {
			input += chunk;
			if (input.length > MAX_REQUEST) return socket.destroy();
			const end = input.indexOf('\n');
			if (end < 0) return;
			socket.pause();
			let result: AdminResult;
			try {
				const parsed = v.safeParse(AdminCommandSchema, JSON.parse(input.slice(0, end)));
				result = parsed.success
					? await runAdminCommand(db, parsed.output)
					: { ok: false, lines: ['Unknown command.'] };
			} catch (error) {
				result = { ok: false, lines: [`The server could not run the command: ${(error as Error).message}`] };
			}
			socket.end(JSON.stringify(result) + '\n');
		});
		socket.on('error', () => {});
	});
	return new Promise((done) => {
		rmSync(path, { force: true });
		server.once('error', (error) => {
			console.warn(`Admin socket not available (${error.message}); stop the server to run npm run admin.`);
			done(undefined);
		});
		server.listen(path, () => {
			chmodSync(path, 0o600);
			server.unref();
			process.once('sveltekit:shutdown' as 'exit', () => {
				server.close();
				rmSync(path, { force: true });
			});
			done(server);
		});
	});
}

/** Whether something listens on the socket at `path`. */
function socketAnswers(path: string): Promise<boolean> {
	return new Promise((done) => {
		const socket = createConnection(path);
		socket.once('connect', () => {
			socket.destroy();
			done(true);
		});
		socket.once('error', () => done(false));
	});
}

/**
 * Sends a command to a running server's admin socket. Undefined when no server listens there
 * (the caller then opens the database itself).
 */
export function sendAdminCommand(
	command: AdminCommand,
	path = adminSocketPath()
): Promise<AdminResult | undefined> {
	return new Promise((done, fail) => {
		const socket = createConnection(path);
		let output = '';
		socket.setEncoding('utf8');
		socket.on('connect', () => socket.write(JSON.stringify(command) + '\n'));
		socket.on('data', (chunk: string) => (output += chunk));
		socket.on('end', () => {
			try {
				done(JSON.parse(output) as AdminResult);
			} catch {
				fail(new Error('The server sent an unreadable answer on the admin socket.'));
			}
		});
		socket.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') done(undefined);
			else fail(error);
		});
	});
}
