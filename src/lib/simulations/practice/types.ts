import type { Component } from 'svelte';
import type { Locale } from '$lib/i18n/locale';
import type { PracticeAttempts } from './attempts.svelte';

/** Props every practice simulation receives from the lesson player. */
export interface SimulationProps<P = unknown> {
	/** The step's params in the page's language (validated at build time by the simulation's schema). */
	params: P;
	locale: Locale;
	attempts: PracticeAttempts;
}

export type SimulationComponent = Component<SimulationProps<never>>;
