import { expect, test } from 'vitest';
import { simulations } from './registry';
import { simulationSchemas } from './schemas';

// Two lists on purpose: registry.ts is browser code that loads each component on demand, schemas.ts
// is build- and test-only (valibot schemas and their rules must not reach the browser). This keeps
// them naming the same simulations, so a lesson that passes validation always finds its component.
test('the registry and the params schemas name the same simulations', () => {
	expect(Object.keys(simulations).sort()).toEqual(Object.keys(simulationSchemas).sort());
});
