import type * as v from 'valibot';
import { officialSiteParams } from './official-site/params';
import { qpayInvoiceParams } from './qpay-invoice/params';
import { inboxSortParams } from './inbox-sort/params';
import { danLoginParams } from './dan-login/params';
import { referenceRequestParams } from './reference-request/params';

/**
 * The params schema of every practice simulation, by the name lessons use in `"simulation"`.
 * Used to validate content at build time and in tests; never shipped to the browser.
 */
export const simulationSchemas: Record<string, v.GenericSchema> = {
	'official-site': officialSiteParams,
	'qpay-invoice': qpayInvoiceParams,
	'inbox-sort': inboxSortParams,
	'dan-login': danLoginParams,
	'reference-request': referenceRequestParams
};
