/**
 * One device for each test: its own empty IndexedDB (fake-indexeddb), the app's database opened on
 * it under its real name, and the device's localStorage and this tab's sessionStorage.
 *
 * Each device is a separate IndexedDB factory, so nothing can leak between tests, and the database
 * keeps the name the app uses: code that asks the browser whether the device holds learner data
 * (load.ts, `indexedDB.databases()`) sees exactly what a real device would.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { onTestFinished } from 'vitest';
import { AlkhamDatabase, useDatabase } from '$lib/learner/db';
import { fakeStorage } from './fake-browser';

export interface TestDevice {
	/** The app's database on this device (what `db()` returns). Like the app's, it opens on first use. */
	readonly db: AlkhamDatabase;
	/** This device's IndexedDB, also the global `indexedDB` while the device is in use. */
	readonly indexedDB: IDBFactory;
	/** This device's localStorage, shared by all its tabs; the global `localStorage`. */
	readonly localStorage: Storage;
	/** The sessionStorage of the tab the test is in now; the global `sessionStorage`. */
	readonly sessionStorage: Storage;
	/**
	 * Moves the test to another tab of the app on this device: a new one (its own, empty
	 * sessionStorage) or one returned before. Returns the sessionStorage of that tab.
	 */
	switchTab(tab?: Storage): Storage;
	/** Closes and deletes the database, and puts the previous globals back. */
	close(): Promise<void>;
}

const GLOBALS = ['indexedDB', 'localStorage', 'sessionStorage'] as const;

function setGlobal(name: string, value: unknown) {
	Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

/**
 * Sets up a fresh device and makes the app use it. For a device per test call `freshDevice()`
 * instead; for one device per suite: `beforeAll(async () => { device = openDevice(); return device.close; })`.
 */
export function openDevice(): TestDevice {
	const previous = GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
	const previousDependencies = { ...Dexie.dependencies };
	const factory = new IDBFactory();
	const local = fakeStorage();
	let session = fakeStorage();
	setGlobal('indexedDB', factory);
	setGlobal('localStorage', local);
	setGlobal('sessionStorage', session);
	// Dexie reads its IndexedDB from here, both when a database is created and in liveQuery. Set
	// both: Dexie takes them from the globals only once, when it is first imported.
	Object.assign(Dexie.dependencies, { indexedDB: factory, IDBKeyRange });
	const database = new AlkhamDatabase();
	useDatabase(database);
	return {
		db: database,
		indexedDB: factory,
		localStorage: local,
		get sessionStorage() {
			return session;
		},
		switchTab(tab = fakeStorage()) {
			session = tab;
			setGlobal('sessionStorage', tab);
			return tab;
		},
		async close() {
			await database.delete();
			for (const [name, descriptor] of previous) {
				if (descriptor) Object.defineProperty(globalThis, name, descriptor);
				else delete (globalThis as Record<string, unknown>)[name];
			}
			Object.assign(Dexie.dependencies, previousDependencies);
		}
	};
}

/**
 * A fresh device for the current test, closed and deleted when the test finishes. Call it in the
 * test or in `beforeEach`.
 */
export function freshDevice(): TestDevice {
	const device = openDevice();
	onTestFinished(() => device.close());
	return device;
}

/** Shorthand: the database of a fresh device for the current test (see `freshDevice`). */
export function freshDeviceDb(): AlkhamDatabase {
	return freshDevice().db;
}
