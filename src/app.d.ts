// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** Teacher pages only: the signed-in teacher, or null (see $lib/server/teach/hooks). */
			teacher?: import('$lib/server/teach/accounts').Teacher | null;
			/** Teacher pages only: the language chosen for them. */
			teachLocale?: import('$lib/i18n/locale').Locale;
		}
	}
}

export {};
