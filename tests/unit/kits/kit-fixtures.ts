// A tiny valid kit for tests, and a raw zip writer that can produce what zip libraries refuse to (zip-slip, symlinks).
import zlib from 'node:zlib';

export function tinyKit(overrides: { manifest?: Record<string, unknown>; programme?: Record<string, unknown> } = {}): Record<string, string> {
	const manifest = {
		$schema: '../kit.schema.json',
		id: 'mini-kit',
		title: 'Mini kit contributif',
		summary: 'Un petit kit pour les tests.',
		version: '1.2.0',
		languages: ['fr'],
		licence: 'etalab-2.0',
		authors: [{ name: 'La Mednum', role: 'coordination' }],
		credits: [{ name: 'Inno3', contribution: 'parcours communs' }],
		forkedFrom: null,
		changelog: [{ version: '1.2.0', date: '2026-11-01', changes: ['Première version du mini kit'] }],
		guides: [
			{ file: 'guides/01-medialab.md', title: 'Le MédiaLab', kind: 'guide' },
			{ file: 'guides/02-charte.md', title: 'Charte des communs', kind: 'charter' }
		],
		templates: [{ format: 'atelier-contributif', file: 'templates/atelier-contributif.md', title: 'Atelier contributif' }],
		programme: 'programme.json',
		assets: [],
		...overrides.manifest
	};
	const programme = {
		themes: [
			{ label: 'Inclusion numérique', aliases: ['inclusion'] },
			{ label: 'Données', aliases: ['data'] }
		],
		tracks: [{ label: 'Communs numériques', description: 'Un parcours en deux temps.' }],
		formats: [{ key: 'atelier-contributif', label: 'Atelier contributif', description: 'On produit ensemble.', durationMinutes: 90, template: 'atelier-contributif' }],
		roomTypes: [{ key: 'salle-atelier', label: 'Salle d’atelier', capacity: 30, equipment: ['paperboard'] }],
		roles: [{ key: 'facilitateur', label: 'Facilitateur·rice', does: ['prépare les formats de documentation'] }],
		timeline: [{ phase: 'before', when: 'J-90', task: 'Réunir les contributeurs thématiques', owner: 'organisation' }],
		rooms: [{ label: 'Salle 1', type: 'salle-atelier' }],
		workshops: [
			{ title: 'Identifier les ressources', format: 'atelier-contributif', track: 'Communs numériques', themes: ['Données'], day: 1, start: '14:00', end: '15:30', room: 'Salle 1' },
			{ title: 'Produire des communs', format: 'atelier-contributif', track: 'Communs numériques', themes: ['inclusion'], day: 2, start: '10:00', end: '11:30', room: 'Salle 1' }
		],
		...overrides.programme
	};
	return {
		'kit.json': JSON.stringify(manifest, null, 2),
		'programme.json': JSON.stringify(programme, null, 2),
		'README.md': '# Mini kit\n\nPour organiser un petit événement contributif.\n',
		'guides/01-medialab.md': '# Le MédiaLab\n\nUn lieu, des outils, une équipe.\n',
		'guides/02-charte.md': '# Charte\n\n1. Objectif clair\n2. Valeurs partagées\n',
		'templates/atelier-contributif.md':
			'> Préparez ce pad avant l’atelier.\n\n## Contexte du territoire\n\nLa question posée, et pourquoi ici.\n\n## Points de convergence\n\nCe sur quoi le groupe s’accorde.\n\n- un point\n- un autre\n'
	};
}

export type RawEntry = { name: string; data: string | Buffer; mode?: number; deflate?: boolean; declaredSize?: number };

/** Writes a zip byte by byte (local headers, data, central directory), trusting every field it is given. */
export function rawZip(entries: RawEntry[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
		const stored = e.deflate ? zlib.deflateRawSync(data, { level: 9 }) : data;
		const name = Buffer.from(e.name, 'utf8');
		const crc = zlib.crc32(data);
		const size = e.declaredSize ?? data.length;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6);
		local.writeUInt16LE(e.deflate ? 8 : 0, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(stored.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE((3 << 8) | 20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(e.deflate ? 8 : 0, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(stored.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, stored);
		centrals.push(central, name);
		offset += local.length + name.length + stored.length;
	}
	const cd = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cd, end]);
}

/** The tiny kit as a zip of its folder, optionally with extra (bad) entries. */
export function kitZip(files: Record<string, string>, extra: RawEntry[] = []): Buffer {
	return rawZip([...Object.entries(files).map(([name, data]) => ({ name: `mini-kit/${name}`, data, deflate: true })), ...extra]);
}
