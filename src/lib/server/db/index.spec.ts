import { describe, expect, test } from 'vitest';
import { DatabaseConfigError, openDatabase } from './index';

describe('openDatabase', () => {
	test('refuses a DATABASE_URL that is not PostgreSQL, saying what to fix', async () => {
		await expect(openDatabase({ DATABASE_URL: 'mysql://root@localhost/alkham' })).rejects.toThrow(
			new DatabaseConfigError(
				'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use the embedded database in DATA_DIR)'
			)
		);
	});

	test('stops with a clear message when PostgreSQL cannot be reached', async () => {
		const error = await openDatabase({ DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' }).catch(
			(e) => e
		);
		expect(error).toBeInstanceOf(DatabaseConfigError);
		expect(error.message).toMatch(/^Cannot reach the PostgreSQL database in DATABASE_URL: /);
	});
});
