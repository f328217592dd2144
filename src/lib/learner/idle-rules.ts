/**
 * When the idle lock warns and when it locks. The warning comes a minute before the lock (at least
 * the 20 seconds WCAG 2.2.1 asks for, and enough for someone who reads slowly), or halfway for very
 * short timeouts.
 */

export const WARNING_MS = 60_000;

export type IdlePhase =
	{ phase: 'active'; checkInMs: number } | { phase: 'warning'; checkInMs: number } | { phase: 'lock' };

/** How long before the lock the warning appears, for a given timeout. */
export function warningLead(timeoutMs: number): number {
	return Math.min(WARNING_MS, timeoutMs / 2);
}

/** What to do after `idleMs` without use, and when to look again. */
export function idlePhase(idleMs: number, timeoutMs: number): IdlePhase {
	if (idleMs >= timeoutMs) return { phase: 'lock' };
	const warnAt = timeoutMs - warningLead(timeoutMs);
	if (idleMs >= warnAt) return { phase: 'warning', checkInMs: timeoutMs - idleMs };
	return { phase: 'active', checkInMs: warnAt - idleMs };
}
