import { m } from '$lib/paraglide/messages';

/** A learner's name as shown; the nameless learner made by Alkham's first version gets a neutral one. */
export function learnerName(profile: { name: string }): string {
	return profile.name || m.profiles_unnamed();
}
