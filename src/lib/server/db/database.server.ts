import { openDatabase, type DatabaseHandle } from './index';

let opening: Promise<DatabaseHandle> | undefined;

/**
 * The server's database, opened once per process on first use (never during prerendering, which
 * needs no database). A configuration error stops the server with its message.
 */
export function database(): Promise<DatabaseHandle> {
	opening ??= openDatabase();
	return opening;
}
