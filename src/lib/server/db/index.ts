import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { DataFolderError, lockDataFolder, prepareDataFolder } from './data-folder';

/** Either driver's database: both are Drizzle PostgreSQL databases over the same schema. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	db: Database;
	driver: 'pglite' | 'postgres';
	close(): Promise<void>;
}

/**
 * Runs a parameterised statement that a hot path repeats. On PostgreSQL it is a named prepared
 * statement: each pooled connection parses and plans it once instead of on every call, which saves
 * the database about a quarter of its CPU time per certificate issue. PGlite runs it as an ordinary
 * parameterised query. `text` must always be the same for a given `name` (pg refuses otherwise).
 */
export async function runPrepared<Row extends Record<string, unknown>>(
	db: Database,
	name: string,
	text: string,
	values: unknown[]
): Promise<Row[]> {
	const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
	if (client instanceof PGlite) return (await client.query<Row>(text, values)).rows;
	return (await client.query<Row>({ name, text, values })).rows;
}

export class DatabaseConfigError extends Error {
	name = 'DatabaseConfigError';
}

/** Where the SQL migrations are: `drizzle/` beside the app (MIGRATIONS_DIR overrides). */
export function migrationsFolder(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env.MIGRATIONS_DIR ?? 'drizzle');
}

/**
 * Opens the database the configuration names and brings its schema up to date. This is the one
 * place that chooses the driver: no DATABASE_URL → PGlite in DATA_DIR (default ./data);
 * postgres:// or postgresql:// → a pg pool. Anything else, or a database that cannot be reached,
 * throws a DatabaseConfigError with a message that says what to fix.
 */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseHandle> {
	const url = env.DATABASE_URL?.trim();
	if (!url) return openEmbedded(resolve(env.DATA_DIR ?? 'data'), env);
	if (!/^postgres(ql)?:\/\//.test(url))
		throw new DatabaseConfigError(
			'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use the embedded database in DATA_DIR)'
		);
	const pool = new pg.Pool({ connectionString: url, max: Number(env.DATABASE_POOL_SIZE ?? 10) });
	// An idle connection that the database drops (a restart, a network cut) must not stop the
	// server: the pool replaces it, and requests meanwhile get a 503 (see errors.ts).
	pool.on('error', (error) => console.error(`A database connection was lost: ${error.message}`));
	try {
		const client = await pool.connect();
		client.release();
	} catch (error) {
		await pool.end().catch(() => {});
		throw new DatabaseConfigError(
			`Cannot reach the PostgreSQL database in DATABASE_URL: ${(error as Error).message}`
		);
	}
	const db = drizzlePg({ client: pool, schema });
	await migratePg(db, { migrationsFolder: migrationsFolder(env) });
	return { db, driver: 'postgres', close: () => pool.end() };
}

/**
 * The embedded database in `dir`: made private to this user, locked for this process (a second
 * server on the same folder stops with a message naming the first), then opened and migrated.
 * A folder PGlite cannot open stops with a message that says where to look, not a stack trace.
 */
async function openEmbedded(dir: string, env: NodeJS.ProcessEnv): Promise<DatabaseHandle> {
	let lock;
	try {
		prepareDataFolder(dir);
		lock = lockDataFolder(dir);
	} catch (error) {
		if (error instanceof DataFolderError) throw new DatabaseConfigError(error.message);
		throw error;
	}
	let client: PGlite | undefined;
	try {
		client = new PGlite(dir);
		await client.waitReady;
	} catch (error) {
		await client?.close().catch(() => {});
		lock.release();
		throw new DatabaseConfigError(
			`The embedded database in ${dir} cannot be opened (${(error as Error).message || String(error)}). ` +
				'It may be damaged, or written by another program; restore the folder from a backup ' +
				'(see "Backing up the embedded database" in docs/server.md), or move it aside to start with an empty one.'
		);
	}
	try {
		const db = drizzlePglite({ client, schema });
		await migratePglite(db, { migrationsFolder: migrationsFolder(env) });
		return {
			db,
			driver: 'pglite',
			close: async () => {
				await client.close();
				lock.release();
			}
		};
	} catch (error) {
		await client.close().catch(() => {});
		lock.release();
		throw new DatabaseConfigError(
			`The embedded database in ${dir} could not be brought up to date (${(error as Error).message}). ` +
				'Nothing was changed by this start; restore the folder from a backup if it was damaged ' +
				'(see "Backing up the embedded database" in docs/server.md).'
		);
	}
}
