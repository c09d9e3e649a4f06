// Reads the schedule fixtures (tests/fixtures/schedule, sources in its README).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/schedule');
export const fixture = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
export const fixtureJson = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;

/** The pretalx fixture as a later version of the schedule: 101 retitled, 102 moved, 103 gone, the rest as it was. */
export function laterVersion(xml: string) {
	return xml
		.replace('<version>0.7</version>', '<version>0.8</version>')
		.replace('Ouverture : le numérique', 'Ouverture officielle : le numérique')
		.replace(/(<event guid='9e2b8a61-5d1c-5b3e-9a3f-3f1d2c4b5a02' id='102'>\s*<date>)2026-10-08T11:00:00\+02:00/, '$12026-10-08T14:00:00+02:00')
		.replace(/<room>Salle 2<\/room>(\s*<slug>nec2026-102-atelier)/, '<room>Salle 3</room>$1')
		.replace(/<event guid='9e2b8a61-5d1c-5b3e-9a3f-3f1d2c4b5a03'[\s\S]*?<\/event>/, '');
}
