import type { Locale } from '$lib/i18n/locale';
import { NARRATION_CACHE } from './on-device';
import { manifestKey, manifestUrl, parseManifest, type PackManifest, type StoredManifest } from './manifest';

/**
 * Narration packs on the device (docs/narration.md): one Cache Storage cache holds every downloaded
 * audio file under its own address, and each pack's manifest under the manifest's address. A pack
 * counts as downloaded only once its manifest is stored, which happens after all its files are:
 * a download that fails midway leaves no pack behind. Reading needs no service worker.
 */
export const CACHE_NAME = NARRATION_CACHE;

/** Why a download or a look at the server failed, in words the learner gets (`errors.ts`). */
export type NarrationErrorKind = 'offline' | 'server' | 'storage-full' | 'unavailable';

export class NarrationError extends Error {
	constructor(readonly kind: NarrationErrorKind) {
		super(`narration: ${kind}`);
		this.name = 'NarrationError';
	}
}

/** What the store uses from the browser; unit specs pass stand-ins. */
export interface NarrationDeps {
	fetch: typeof fetch;
	caches: CacheStorage | undefined;
	createObjectURL: (blob: Blob) => string;
}

const browserDeps = (): NarrationDeps => ({
	fetch: (input, init) => fetch(input, init),
	caches: typeof caches === 'undefined' ? undefined : caches,
	createObjectURL: (blob) => URL.createObjectURL(blob)
});

export interface DownloadProgress {
	files: number;
	totalFiles: number;
	bytes: number;
	totalBytes: number;
}

export interface DownloadedPack {
	courseId: string;
	locale: Locale;
	title?: string;
	bytes: number;
	files: number;
}

export function createPackStore(deps: NarrationDeps = browserDeps()) {
	async function open(): Promise<Cache> {
		if (!deps.caches) throw new NarrationError('unavailable');
		try {
			return await deps.caches.open(CACHE_NAME);
		} catch (error) {
			throw classify(error);
		}
	}

	/** The cache if any pack was ever downloaded; never creates it just to look. */
	async function existing(): Promise<Cache | undefined> {
		if (!deps.caches || !(await deps.caches.has(CACHE_NAME))) return undefined;
		return deps.caches.open(CACHE_NAME);
	}

	async function get(url: string): Promise<Response> {
		let response: Response;
		try {
			response = await deps.fetch(url, { cache: 'no-cache' });
		} catch {
			throw new NarrationError('offline');
		}
		return response;
	}

	async function stored(cache: Cache, courseId: string, locale: Locale) {
		const response = await cache.match(manifestUrl(courseId, locale));
		if (!response) return undefined;
		return parseManifest(await response.json().catch(() => undefined), courseId, locale);
	}

	/**
	 * The course's manifest in this language from the server; undefined when the server knows no
	 * such course (404). A manifest with no files means nothing is published in this language yet.
	 */
	async function fetchManifest(courseId: string, locale: Locale): Promise<PackManifest | undefined> {
		const response = await get(manifestUrl(courseId, locale));
		if (response.status === 404) return undefined;
		if (!response.ok) throw new NarrationError('server');
		const manifest = parseManifest(await response.json().catch(() => undefined), courseId, locale);
		if (!manifest) throw new NarrationError('server');
		return manifest;
	}

	/**
	 * Downloads every file of the pack that the device does not hold yet, then stores the manifest,
	 * then deletes the files of the previous manifest that this one no longer lists. On failure the
	 * files fetched by this call are deleted again and the pack stays as it was (or absent).
	 */
	async function savePack(
		manifest: PackManifest,
		{ title, onprogress }: { title?: string; onprogress?: (progress: DownloadProgress) => void } = {}
	): Promise<void> {
		const cache = await open();
		const previous = await stored(cache, manifest.courseId, manifest.locale);
		const added: string[] = [];
		const progress: DownloadProgress = {
			files: 0,
			totalFiles: manifest.files.length,
			bytes: 0,
			totalBytes: manifest.bytes
		};
		onprogress?.({ ...progress });
		try {
			for (const file of manifest.files) {
				if (!(await cache.match(file.url))) {
					const response = await get(file.url);
					// A whole file (never a 206 part, which Cache Storage refuses anyway).
					if (response.status !== 200) throw new NarrationError('server');
					await cache.put(file.url, response);
					added.push(file.url);
				}
				progress.files++;
				progress.bytes += file.bytes;
				onprogress?.({ ...progress });
			}
			const keep: StoredManifest = { ...manifest, title: title ?? previous?.title };
			await cache.put(
				manifestUrl(manifest.courseId, manifest.locale),
				new Response(JSON.stringify(keep), { headers: { 'Content-Type': 'application/json' } })
			);
		} catch (error) {
			await Promise.all(added.map((url) => cache.delete(url).catch(() => false)));
			throw classify(error);
		}
		const listed = new Set(manifest.files.map((file) => file.url));
		await Promise.all(
			(previous?.files ?? [])
				.filter((file) => !listed.has(file.url))
				.map((file) => cache.delete(file.url).catch(() => false))
		);
	}

	/** Fetches the manifest and downloads the pack; false when the course has no narration here. */
	async function download(
		courseId: string,
		locale: Locale,
		options: { title?: string; onprogress?: (progress: DownloadProgress) => void } = {}
	): Promise<boolean> {
		const manifest = await fetchManifest(courseId, locale);
		if (!manifest || manifest.files.length === 0) return false;
		await savePack(manifest, options);
		return true;
	}

	/** The downloaded pack of a course in one language, or undefined. */
	async function pack(courseId: string, locale: Locale): Promise<DownloadedPack | undefined> {
		const cache = await existing().catch(() => undefined);
		const manifest = cache && (await stored(cache, courseId, locale));
		return manifest && summary(manifest);
	}

	/** Every downloaded pack, by title. */
	async function list(): Promise<DownloadedPack[]> {
		const cache = await existing();
		if (!cache) return [];
		const packs: DownloadedPack[] = [];
		for (const request of await cache.keys()) {
			const key = manifestKey(request.url);
			const manifest = key && (await stored(cache, key.courseId, key.locale));
			if (manifest) packs.push(summary(manifest));
		}
		return packs.sort((a, b) => (a.title ?? a.courseId).localeCompare(b.title ?? b.courseId));
	}

	/** Removes a pack: its manifest first (so it never counts as downloaded half-removed), then its files. */
	async function remove(courseId: string, locale: Locale): Promise<void> {
		const cache = await existing();
		if (!cache) return;
		const manifest = await stored(cache, courseId, locale);
		await cache.delete(manifestUrl(courseId, locale));
		await Promise.all((manifest?.files ?? []).map((file) => cache.delete(file.url)));
	}

	/**
	 * Brings every downloaded pack up to date with the server: new recordings fetched, files no longer
	 * listed deleted; a course the server no longer knows, or one left with no narration, is removed.
	 * A pack that cannot be refreshed now (offline, server error, full storage) stays as it was.
	 */
	async function refresh(): Promise<{ refreshed: number; removed: number; failed: number }> {
		const result = { refreshed: 0, removed: 0, failed: 0 };
		for (const downloaded of await list()) {
			try {
				const manifest = await fetchManifest(downloaded.courseId, downloaded.locale);
				if (!manifest || manifest.files.length === 0) {
					await remove(downloaded.courseId, downloaded.locale);
					result.removed++;
				} else {
					await savePack(manifest);
					result.refreshed++;
				}
			} catch {
				result.failed++;
			}
		}
		return result;
	}

	/**
	 * A playable address for the narration of one step, from the device's cache (offline, without the
	 * service worker), or undefined when no downloaded pack has it. The caller revokes the address
	 * (`URL.revokeObjectURL`) when the step closes.
	 */
	async function narrationUrl(
		courseId: string,
		lessonId: string,
		step: number,
		locale: Locale
	): Promise<string | undefined> {
		try {
			const cache = await existing();
			const manifest = cache && (await stored(cache, courseId, locale));
			const file = manifest?.files.find((f) => f.lessonId === lessonId && f.step === step);
			const response = file && (await cache!.match(file.url));
			if (!file || !response) return undefined;
			const blob = await response.blob();
			return deps.createObjectURL(blob.type ? blob : new Blob([blob], { type: file.type }));
		} catch {
			return undefined;
		}
	}

	return { fetchManifest, savePack, download, pack, list, remove, refresh, narrationUrl };
}

export type PackStore = ReturnType<typeof createPackStore>;

function summary(manifest: StoredManifest): DownloadedPack {
	return {
		courseId: manifest.courseId,
		locale: manifest.locale,
		title: manifest.title,
		bytes: manifest.bytes,
		files: manifest.files.length
	};
}

/** Turns what went wrong into one of the kinds the learner is told about. */
export function classify(error: unknown): NarrationError {
	if (error instanceof NarrationError) return error;
	const name = (error as { name?: unknown } | null)?.name;
	if (name === 'QuotaExceededError') return new NarrationError('storage-full');
	// A body cut off mid-download is a lost connection.
	if (error instanceof TypeError) return new NarrationError('offline');
	return new NarrationError('unavailable');
}
