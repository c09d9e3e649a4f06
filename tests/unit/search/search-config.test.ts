// Search settings from the environment: embedded by default, external with MEILI_URL + key, off on request.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';

describe('search configuration', () => {
	it('runs the embedded Meilisearch under the data directory unless told otherwise', () => {
		expect(loadConfig({ DATA_DIR: 'data' }).search).toEqual({ mode: 'embedded', dataDir: path.resolve('data', 'meili') });
		expect(loadConfig({ MEILI_URL: 'http://127.0.0.1:7700/', MEILI_MASTER_KEY: 'a-key-of-16-chars!' }).search).toEqual({ mode: 'external', url: 'http://127.0.0.1:7700', masterKey: 'a-key-of-16-chars!' });
		expect(loadConfig({ SEARCH: 'off' }).search).toMatchObject({ mode: 'off' });
	});

	it('names the problem when the external engine is half configured', () => {
		const problems = (env: Record<string, string>) => {
			try {
				loadConfig(env);
			} catch (e) {
				return (e as ConfigError).problems;
			}
			return [];
		};
		expect(problems({ MEILI_URL: 'http://127.0.0.1:7700' })).toEqual([expect.stringMatching(/MEILI_URL and MEILI_MASTER_KEY must be set together/)]);
		expect(problems({ MEILI_URL: 'http://x:7700', MEILI_MASTER_KEY: 'short' })).toEqual([expect.stringMatching(/^MEILI_MASTER_KEY: must be at least 16 characters/)]);
		expect(problems({ SEARCH: 'maybe' })).toEqual([expect.stringMatching(/^SEARCH: must be auto or off/)]);
	});
});
