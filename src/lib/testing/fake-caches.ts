/**
 * An in-memory Cache Storage for specs that run in Node, with a storage quota: a `put` that would
 * go over it fails with `QuotaExceededError`, as a full device does. Only what the app uses is
 * there (open, has, delete, keys; a cache's match, put, delete, keys).
 */
const BASE = 'http://device.test';

interface Entry {
	body: ArrayBuffer;
	status: number;
	headers: [string, string][];
}

const key = (request: RequestInfo | URL) =>
	new URL(typeof request === 'string' || request instanceof URL ? request : request.url, BASE).href;

export class FakeCache implements Partial<Cache> {
	readonly entries = new Map<string, Entry>();
	constructor(private readonly storage: FakeCacheStorage) {}

	async match(request: RequestInfo | URL) {
		const entry = this.entries.get(key(request));
		if (!entry) return undefined;
		return new Response(entry.body.slice(0), { status: entry.status, headers: entry.headers });
	}

	async put(request: RequestInfo | URL, response: Response) {
		if (response.status === 206) throw new TypeError('Partial response (status code 206) is unsupported');
		const body = await response.arrayBuffer();
		if (this.storage.used() + body.byteLength > this.storage.quota)
			throw new DOMException('Quota exceeded.', 'QuotaExceededError');
		this.entries.set(key(request), { body, status: response.status, headers: [...response.headers] });
	}

	async delete(request: RequestInfo | URL) {
		return this.entries.delete(key(request));
	}

	async keys() {
		return [...this.entries.keys()].map((url) => new Request(url));
	}
}

export class FakeCacheStorage implements Partial<CacheStorage> {
	readonly caches = new Map<string, FakeCache>();
	/** Bytes the device may hold across all caches. */
	quota = Infinity;

	used() {
		let total = 0;
		for (const cache of this.caches.values())
			for (const entry of cache.entries.values()) total += entry.body.byteLength;
		return total;
	}

	async open(name: string) {
		let cache = this.caches.get(name);
		if (!cache) this.caches.set(name, (cache = new FakeCache(this)));
		return cache as unknown as Cache;
	}

	async has(name: string) {
		return this.caches.has(name);
	}

	async delete(name: string) {
		return this.caches.delete(name);
	}

	async keys() {
		return [...this.caches.keys()];
	}

	/** What one cache holds, as paths (for assertions). */
	paths(name: string): string[] {
		return [...(this.caches.get(name)?.entries.keys() ?? [])].map((url) => new URL(url).pathname).sort();
	}
}
