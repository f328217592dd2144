import { m } from '$lib/paraglide/messages';
import { secondsToWait } from '$lib/learner/secret-throttle';

/** The polite "please wait" text for a throttled secret, in seconds or (from two minutes) minutes. */
export function waitMessage(ms: number): string {
	const seconds = secondsToWait(ms);
	if (seconds < 120) return m.profiles_wait_seconds({ seconds });
	return m.profiles_wait_minutes({ minutes: Math.ceil(seconds / 60) });
}
