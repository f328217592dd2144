import { courses } from '$lib/server/content/catalogue';
import { database } from '../db/database.server';
import { RateLimiter } from '../http/rate-limit';
import { createCertificateIssuer, webCertificateHandler } from './post-certificate';

/**
 * The rate limit lives in this instance's memory on purpose (see rate-limit.ts).
 * RATE_LIMIT_PER_MINUTE=0 turns it off, for example for benchmarks.
 */
const limiter = new RateLimiter(
	Number(process.env.RATE_LIMIT_PER_MINUTE ?? 30),
	Number(process.env.RATE_LIMIT_BURST ?? 10)
);

/**
 * One issuer per process, shared by the SvelteKit route and the direct route in front of it
 * (see direct-route.ts), so both use the same rate limit and signing key.
 */
export const issueFromPost = createCertificateIssuer({
	db: async () => (await database()).db,
	courses,
	limiter
});

export const postCertificate = webCertificateHandler(issueFromPost);
