import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Argon2, Argon2Input } from './password';

/**
 * Password hashing off the main thread. One argon2id at OWASP's parameters takes about 0.1 s of
 * CPU; run on the main thread, forty sign-ins at once held up every other request for seconds. A
 * small pool of worker threads computes them instead, and a bounded number may wait: beyond that
 * the sign-in is refused at once ("busy", 503 with Retry-After) rather than queued for ever.
 *
 * The worker is inline source (`eval`), so it needs no file of its own beside the bundled server
 * build; it loads hash-wasm from the path this module resolves, i.e. the app's node_modules.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { argon2id } = require(workerData.hashWasm);
parentPort.on('message', (input) => {
	argon2id({ ...input, outputType: 'binary' }).then(
		(hash) => parentPort.postMessage({ hash }),
		(error) => parentPort.postMessage({ error: String((error && error.message) || error) })
	);
});
`;

let hashWasmPath: string | undefined;

/** A worker thread that answers each message (an Argon2Input) with `{ hash }` or `{ error }`. */
export function argon2Worker(): Worker {
	hashWasmPath ??= createRequire(import.meta.url).resolve('hash-wasm');
	return new Worker(WORKER_SOURCE, { eval: true, workerData: { hashWasm: hashWasmPath } });
}

/** A place in the pool, taken before a sign-in does anything else, for the hashing it will need. */
export interface HashSlot {
	/** Runs argon2id in a worker (as often as the sign-in needs: a check, then maybe a rehash). */
	argon2: Argon2;
	/** Gives the place back; call once the sign-in is done with hashing. */
	release(): void;
}

/** Where a sign-in takes its hashing slot from: the pool, or a stand-in in tests. */
export interface PasswordHashing {
	/** A slot, or undefined when `size + maxQueue` sign-ins already hold one. */
	acquire(): HashSlot | undefined;
}

export interface HashPoolOptions {
	/** Worker threads. */
	size: number;
	/** Sign-ins that may wait for a worker beyond the `size` being served. */
	maxQueue: number;
	createWorker?: () => Worker;
}

interface Job {
	input: Argon2Input;
	resolve(hash: Uint8Array): void;
	reject(error: Error): void;
}

interface PoolWorker {
	worker: Worker;
	job?: Job;
}

export class HashPool implements PasswordHashing {
	readonly size: number;
	readonly maxQueue: number;
	readonly #createWorker: () => Worker;
	#workers: PoolWorker[] = [];
	#waiting: Job[] = [];
	#held = 0;
	#closed = false;

	constructor({ size, maxQueue, createWorker = argon2Worker }: HashPoolOptions) {
		this.size = Math.max(1, Math.floor(size));
		this.maxQueue = Math.max(0, Math.floor(maxQueue));
		this.#createWorker = createWorker;
	}

	/** Slots held now (sign-ins hashing or waiting to). */
	get held(): number {
		return this.#held;
	}

	/** Worker threads started so far (they start on first use and stay). */
	get threads(): number {
		return this.#workers.length;
	}

	acquire(): HashSlot | undefined {
		if (this.#closed || this.#held >= this.size + this.maxQueue) return undefined;
		this.#held++;
		let released = false;
		return {
			argon2: (input) =>
				released ? Promise.reject(new Error('This hashing slot was given back')) : this.#run(input),
			release: () => {
				if (released) return;
				released = true;
				this.#held--;
			}
		};
	}

	/** Stops every worker; work still waiting fails. */
	async close(): Promise<void> {
		this.#closed = true;
		for (const job of this.#waiting.splice(0)) job.reject(new Error('The hashing pool was closed'));
		await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
	}

	#run(input: Argon2Input): Promise<Uint8Array> {
		if (this.#closed) return Promise.reject(new Error('The hashing pool was closed'));
		return new Promise((resolve, reject) => {
			this.#waiting.push({ input, resolve, reject });
			this.#pump();
		});
	}

	/** Hands waiting work to idle workers, starting workers up to `size`. */
	#pump() {
		while (this.#waiting.length > 0) {
			let idle = this.#workers.find((w) => !w.job);
			if (!idle) {
				if (this.#closed || this.#workers.length >= this.size) return;
				idle = this.#spawn();
			}
			const job = this.#waiting.shift()!;
			idle.job = job;
			// A busy worker keeps the process alive until it answers; an idle one does not.
			idle.worker.ref();
			// A copy of exactly the salt's bytes (a Buffer may be a view into a larger shared one).
			idle.worker.postMessage({ ...job.input, salt: Uint8Array.from(job.input.salt) });
		}
	}

	#spawn(): PoolWorker {
		const entry: PoolWorker = { worker: this.#createWorker() };
		entry.worker.unref();
		entry.worker.on('message', (message: { hash?: Uint8Array; error?: string }) => {
			const job = entry.job;
			entry.job = undefined;
			entry.worker.unref();
			if (message.hash) job?.resolve(message.hash);
			else job?.reject(new Error(message.error ?? 'Password hashing failed'));
			this.#pump();
		});
		// A worker that dies fails its job and is replaced on the next demand.
		const lost = (error: Error) => {
			this.#workers = this.#workers.filter((w) => w !== entry);
			entry.job?.reject(error);
			entry.job = undefined;
			this.#pump();
		};
		entry.worker.on('error', lost);
		entry.worker.on('exit', (code) =>
			lost(new Error(`A password hashing worker stopped (exit code ${code})`))
		);
		this.#workers.push(entry);
		return entry;
	}
}

const wholeNumber = (value: string | undefined) => {
	const n = Number(value);
	return value?.trim() && Number.isInteger(n) && n >= 0 ? n : undefined;
};

/**
 * The pool's size from the environment: HASH_WORKERS threads and HASH_QUEUE sign-ins waiting
 * beyond them (default: 8 per thread, about a second's work). By default one core is left to the
 * main thread: 2 threads, but 1 on a machine of 2 cores or fewer. Measured on 2 cores during 40
 * sign-ins at once, 2 threads let other requests' p99 rise to ~150 ms, 1 thread only to ~70 ms.
 */
export function hashPoolOptions(env: NodeJS.ProcessEnv = process.env): HashPoolOptions {
	const workers = wholeNumber(env.HASH_WORKERS);
	const size = workers && workers > 0 ? workers : Math.min(2, Math.max(1, availableParallelism() - 1));
	return { size, maxQueue: wholeNumber(env.HASH_QUEUE) ?? 8 * size };
}

let shared: HashPool | undefined;

/** The server's pool, made on first use from the environment. */
export function passwordHashing(): HashPool {
	shared ??= new HashPool(hashPoolOptions());
	return shared;
}
