/** Where checking a class code on the join page stands. */
export type JoinCheck = 'idle' | 'checking' | 'invalid' | 'not-found' | 'offline' | 'failed' | 'found';

/** A class the server found for a code (GET /api/v1/classes/:code). */
export interface FoundClass {
	code: string;
	name: string;
	teacherName: string;
}
