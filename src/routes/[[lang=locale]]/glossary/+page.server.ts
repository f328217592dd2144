import { glossaryFor } from '$lib/content/glossary.server';
import { localeOf } from '$lib/i18n/paths';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [{}, { lang: 'en' }];

export const load: PageServerLoad = ({ params }) => ({ entries: glossaryFor(localeOf(params.lang)) });
