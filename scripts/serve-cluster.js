// Runs one server process per core (WEB_CONCURRENCY overrides) sharing one port, for production
// machines with several cores. Safe because the server is stateless: everything that matters is in
// the database (see docs/server.md). `node scripts/serve-cluster.js` instead of `node scripts/serve.js`; it needs
// DATABASE_URL (PostgreSQL), since the embedded PGlite database cannot be shared between processes.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// The embedded database belongs to one process: several processes need PostgreSQL.
const workers = process.env.DATABASE_URL ? Number(process.env.WEB_CONCURRENCY ?? availableParallelism()) : 1;
const serve = resolve('scripts', 'serve.js');

if (cluster.isPrimary && workers > 1) {
	for (let i = 0; i < workers; i++) cluster.fork();
	cluster.on('exit', (worker, code) => {
		// A worker that stops because of a configuration error would only stop again: stop everything.
		if (code === 1) process.exit(1);
		console.error(`Server process ${worker.process.pid} stopped (${code}); starting another`);
		cluster.fork();
	});
} else {
	await import(pathToFileURL(serve).href);
}
