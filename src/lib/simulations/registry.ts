import type { SimulationComponent } from './practice/types';

/**
 * Practice simulations by the name lessons use. Each loads on demand, so a learner downloads a
 * practice copy only when reaching it (and the service worker has precached it for offline use).
 * Every name here must have a params schema in schemas.ts (registry.spec.ts checks both lists agree).
 */
export const simulations: Record<string, () => Promise<{ default: SimulationComponent }>> = {
	'official-site': () => import('./official-site/OfficialSite.svelte') as never,
	'qpay-invoice': () => import('./qpay-invoice/QpayInvoice.svelte') as never,
	'inbox-sort': () => import('./inbox-sort/InboxSort.svelte') as never,
	'dan-login': () => import('./dan-login/DanLogin.svelte') as never,
	'reference-request': () => import('./reference-request/ReferenceRequest.svelte') as never
};
