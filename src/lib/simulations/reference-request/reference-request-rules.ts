/**
 * Rules of the "find a service, request a reference, save it and open it" practice, as plain data so
 * that they are tested without a browser. Real e-Mongolia screens are not copied (the content brief has
 * no source for them): the practice teaches the steps that stay true on any screen.
 */

/** A service as the rules need it: its id and the words it can be found by, in the page's language. */
export interface RefService {
	id: string;
	name: string;
	description: string;
	keywords?: string;
}

/**
 * `find`: the list of services and a search box; `service`: the wanted service's page;
 * `ready`: the reference is ready to download; `saved`: it is among the downloaded files;
 * `opened`: the learner opened it (the goal).
 */
export type RefStage = 'find' | 'service' | 'ready' | 'saved' | 'opened';

export type RefAction =
	| { type: 'open-service'; id: string }
	| { type: 'back' }
	| { type: 'request' }
	| { type: 'save' }
	| { type: 'open-file'; file: string };

/**
 * What an action led to. `wrong-service` and `wrong-file` are tries that missed the goal;
 * `back` returns to the list (never a mistake); `ignored` does not fit the screen as it is.
 */
export type RefOutcome =
	'service-opened' | 'wrong-service' | 'back' | 'requested' | 'saved' | 'opened' | 'wrong-file' | 'ignored';

export const REF_START: RefStage = 'find';

/** Lower-cases and collapses spaces; Ө and Ү stay letters of their own. */
function norm(text: string): string {
	return text.normalize('NFC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The services a search finds: every word typed must appear in the service's name, description or
 * keywords. Parts of words count, so "хаяг" finds "хаягийн" (Mongolian adds endings to words).
 * An empty search lists every service.
 */
export function searchServices<S extends RefService>(services: readonly S[], query: string): S[] {
	const words = norm(query).split(' ').filter(Boolean);
	return services.filter((s) => {
		const haystack = norm(`${s.name} ${s.description} ${s.keywords ?? ''}`);
		return words.every((w) => haystack.includes(w));
	});
}

/** Applies one action; a try that misses the goal leaves the screen as it was. */
export function actReference(
	stage: RefStage,
	action: RefAction,
	target: { service: string; file: string }
): { stage: RefStage; outcome: RefOutcome } {
	switch (action.type) {
		case 'open-service':
			if (stage !== 'find') break;
			return action.id === target.service
				? { stage: 'service', outcome: 'service-opened' }
				: { stage, outcome: 'wrong-service' };
		case 'back':
			if (stage !== 'service') break;
			return { stage: 'find', outcome: 'back' };
		case 'request':
			if (stage !== 'service') break;
			return { stage: 'ready', outcome: 'requested' };
		case 'save':
			if (stage !== 'ready') break;
			return { stage: 'saved', outcome: 'saved' };
		case 'open-file':
			if (stage !== 'saved') break;
			return action.file === target.file
				? { stage: 'opened', outcome: 'opened' }
				: { stage, outcome: 'wrong-file' };
	}
	return { stage, outcome: 'ignored' };
}
