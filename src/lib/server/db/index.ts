import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

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
	if (!url) {
		const dir = resolve(env.DATA_DIR ?? 'data');
		try {
			// PGlite does not create missing parent folders.
			mkdirSync(dir, { recursive: true });
		} catch (error) {
			throw new DatabaseConfigError(`DATA_DIR ${dir} cannot be created: ${(error as Error).message}`);
		}
		const client = new PGlite(dir);
		await client.waitReady;
		const db = drizzlePglite({ client, schema });
		await migratePglite(db, { migrationsFolder: migrationsFolder(env) });
		return { db, driver: 'pglite', close: () => client.close() };
	}
	if (!/^postgres(ql)?:\/\//.test(url))
		throw new DatabaseConfigError(
			'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use the embedded database in DATA_DIR)'
		);
	const pool = new pg.Pool({ connectionString: url, max: Number(env.DATABASE_POOL_SIZE ?? 10) });
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
