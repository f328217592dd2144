/**
 * Small stand-ins for the browser objects the app's state classes touch, for specs that run in
 * Node (vitest has no DOM here). Only what the app uses is there: a spec that needs more should
 * fail loudly rather than pass against a half-real browser.
 */

/** An in-memory Web Storage (localStorage or sessionStorage); `failing` makes every call throw, like a blocked one. */
export function fakeStorage(options: { failing?: boolean } = {}): Storage {
	const items = new Map<string, string>();
	const check = () => {
		if (options.failing) throw new DOMException('The operation is insecure.', 'SecurityError');
	};
	return {
		get length() {
			check();
			return items.size;
		},
		key: (index) => (check(), [...items.keys()][index] ?? null),
		getItem: (key) => (check(), items.get(key) ?? null),
		setItem: (key, value) => (check(), void items.set(key, String(value))),
		removeItem: (key) => (check(), void items.delete(key)),
		clear: () => (check(), items.clear())
	};
}

/** A media query whose answer the spec changes, like a device switching to dark mode. */
export interface FakeMediaQuery {
	readonly media: string;
	matches: boolean;
	addEventListener(type: 'change', listener: () => void): void;
	removeEventListener(type: 'change', listener: () => void): void;
	/** Changes the answer and tells the listeners, as the browser does. */
	set(matches: boolean): void;
	/** How many listeners are attached (to check they are removed again). */
	readonly listeners: number;
}

function fakeMediaQuery(media: string): FakeMediaQuery {
	const listeners = new Set<() => void>();
	return {
		media,
		matches: false,
		addEventListener: (_type, listener) => void listeners.add(listener),
		removeEventListener: (_type, listener) => void listeners.delete(listener),
		set(matches) {
			this.matches = matches;
			for (const listener of [...listeners]) listener();
		},
		get listeners() {
			return listeners.size;
		}
	};
}

/** The document's root element as far as applySettings uses it: a data attribute and classes. */
export interface FakeRoot {
	dataset: Record<string, string | undefined>;
	classList: { contains(name: string): boolean; toggle(name: string, force?: boolean): boolean };
	/** The classes set, sorted, for easy comparison. */
	readonly classes: string[];
}

function fakeRoot(): FakeRoot {
	const classes = new Set<string>();
	return {
		dataset: {},
		classList: {
			contains: (name) => classes.has(name),
			toggle(name, force = !classes.has(name)) {
				if (force) classes.add(name);
				else classes.delete(name);
				return force;
			}
		},
		get classes() {
			return [...classes].sort();
		}
	};
}

export interface FakeWindow {
	/** The global `window` (an EventTarget: activity events, `storage` events). */
	readonly window: EventTarget;
	/** The global `document`: an EventTarget with a visibility state and a root element. */
	readonly document: EventTarget & { visibilityState: DocumentVisibilityState; documentElement: FakeRoot };
	/** Every media query asked through `matchMedia`, by its text. */
	readonly media: Map<string, FakeMediaQuery>;
	/** Makes the tab hidden or visible again and fires `visibilitychange`. */
	setVisible(visible: boolean): void;
	/** Puts the previous globals back. */
	restore(): void;
}

/**
 * Installs `window`, `document`, `matchMedia` and the global `addEventListener`/`removeEventListener`
 * (which in a browser are the window's). Call `restore()` afterwards.
 */
export function installFakeWindow(): FakeWindow {
	const win = new EventTarget();
	const document = Object.assign(new EventTarget(), {
		visibilityState: 'visible' as DocumentVisibilityState,
		documentElement: fakeRoot()
	});
	const media = new Map<string, FakeMediaQuery>();
	const globals: Record<string, unknown> = {
		window: win,
		document,
		matchMedia: (query: string) => {
			if (!media.has(query)) media.set(query, fakeMediaQuery(query));
			return media.get(query);
		},
		addEventListener: win.addEventListener.bind(win),
		removeEventListener: win.removeEventListener.bind(win),
		dispatchEvent: win.dispatchEvent.bind(win)
	};
	const previous = new Map(
		Object.keys(globals).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)])
	);
	for (const [name, value] of Object.entries(globals))
		Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
	return {
		window: win,
		document,
		media,
		setVisible(visible) {
			document.visibilityState = visible ? 'visible' : 'hidden';
			document.dispatchEvent(new Event('visibilitychange'));
		},
		restore() {
			for (const [name, descriptor] of previous) {
				if (descriptor) Object.defineProperty(globalThis, name, descriptor);
				else delete (globalThis as Record<string, unknown>)[name];
			}
		}
	};
}
