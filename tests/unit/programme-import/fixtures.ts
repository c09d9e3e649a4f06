// Reads the schedule fixtures (tests/fixtures/schedule, sources in its README).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/schedule');
export const fixture = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
export const fixtureJson = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;
