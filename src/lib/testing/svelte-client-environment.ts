import { builtinEnvironments, type Environment } from 'vitest/runtime';

/**
 * Node, but with modules transformed as for the browser (Vite's client environment), for the specs
 * of the state classes (`*.svelte.spec.ts`, see vite.config.ts). Vitest's own `node` environment
 * uses the SSR transform, where Svelte compiles runes for the server: `$effect` never runs there
 * and `flushSync` does nothing, so an effect-driven class could not be tested. No DOM is added:
 * a spec installs the few browser objects it needs (src/lib/testing/fake-browser.ts).
 */
export default {
	...builtinEnvironments.node,
	name: 'svelte-client',
	viteEnvironment: 'client'
} satisfies Environment;
