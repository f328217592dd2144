/**
 * The app's languages: Mongolian (the base language, at `/`) and English (at `/en`). Every layer
 * may import this module; it imports nothing, so it never closes a cycle.
 */
export const LOCALES = ['mn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
