/**
 * Everything that needs Dexie, behind one dynamic import (see load.ts). A fresh device has no
 * learner data to read, so a first visit never downloads the database library; it loads when
 * the device already holds data or the first learner is added.
 */
export { liveQuery } from 'dexie';
export { db } from './db';
export * as profiles from './profiles';
export { allEvents, courseEvents, recordEvent } from './progress-store';
export { requestPersistentStorage } from './persistence';
