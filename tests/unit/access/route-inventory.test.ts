// Every route file must be declared in route-inventory.ts with the policy decision that guards it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policy } from '../../../server/domain/access/policy';
import { routeInventory } from './route-inventory';

const routesDir = path.resolve(__dirname, '../../../src/routes');

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.(ts|svelte)$/.test(entry.name) ? [full] : [];
	});
}

function routeFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return routeFiles(full);
		return /^\+(page|layout)\.server\.ts$|^\+server\.ts$/.test(entry.name) ? ['/' + path.relative(routesDir, full).split(path.sep).join('/')] : [];
	});
}

describe('route inventory', () => {
	const files = routeFiles(routesDir).sort();

	it('declares every route file under src/routes, so a new route forces a policy decision', () => {
		expect(files.length).toBeGreaterThan(50);
		expect(files.filter((f) => !(f in routeInventory))).toEqual([]);
	});

	it('lists no route that no longer exists', () => {
		expect(Object.keys(routeInventory).filter((f) => !files.includes(f))).toEqual([]);
	});

	it('never reaches the real-time documents, rooms or database past the use cases', () => {
		const bypass = /\bapp\.(padDocuments|rooms|db)\b/;
		const offenders = [...sourceFiles(routesDir), ...sourceFiles(path.resolve(routesDir, '../lib/server'))]
			.filter((file) => bypass.test(fs.readFileSync(file, 'utf8')))
			.map((file) => path.relative(routesDir, file));
		expect(offenders).toEqual([]);
	});

	it('points every guarded route at a cell the policy table defines', () => {
		const undefinedCells = Object.entries(routeInventory).filter(([, d]) => 'resource' in d && !policy[d.resource][d.action]);
		expect(undefinedCells).toEqual([]);
	});
});
