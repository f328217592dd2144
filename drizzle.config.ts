import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations into drizzle/ from the schema (`npm run db:generate`). The same migrations
// run on PGlite and PostgreSQL at server start; they are only ever added, never edited.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema*.ts',
	out: './drizzle'
});
