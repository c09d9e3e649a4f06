// A synthetic archive written through the real domain and real-time documents: editions, workshops, pads of
// many sections (French-looking text from a fixed vocabulary, seeded), and one live workshop with its typists' sessions.
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { createApp } from '../../../server/app';
import { openDatabase } from '../../../server/db/open';
import type { Viewer } from '../../../server/domain/types';
import { PAD_FRAGMENT, padSchema } from '../../../server/shared/pad-schema';

const WORDS = (
	'inclusion numérique médiation données communs tiers-lieux territoire collectivité association citoyen accessibilité ' +
	'formation accompagnement usagers services publics ouverture logiciel libre licence contribution gouvernance ' +
	'financement pérennité maintenance communauté outils méthode atelier participants ressources partage mutualisation ' +
	'écosystème coopération documentation réutilisation standard interopérabilité souveraineté sobriété réseau fablab ' +
	'médiathèque école parcours compétences aidants fracture dématérialisation démarches familles jeunes seniors élus ' +
	'agents bibliothèque cartographie panorama grille indicateurs évaluation impact budget subvention appel projet ' +
	'prototype plateforme application site formulaire données personnelles consentement protection confiance sécurité ' +
	'hébergement infrastructure serveur cloud énergie matériel réemploi recyclage reconditionnement ordinateurs tablettes ' +
	'connexion couverture mobile wifi débit zones rurales quartiers politique ville région département commune intercommunalité ' +
	'stratégie feuille route priorités calendrier animation facilitation restitution synthèse livrable fiche kit modèle'
).split(' ');
const HEADINGS = ['Contexte', 'Participants', 'Points de convergence', 'Points de divergence', 'Initiatives citées', 'Questions opérationnelles', 'En savoir +', 'Livrables', 'Prochaines étapes', 'Ressources'];

/** Deterministic PRNG (mulberry32): the same archive on every run. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export type Archive = {
	dataDir: string;
	sections: number;
	organiserToken: string;
	livePadRoom: string;
	typistTokens: string[];
	vocabulary: string[];
	editionIds: string[];
};

export async function buildArchive(options: { dataDir: string; sections: number; sectionsPerPad: number; wordsPerSection: number; typists: number; log: (s: string) => void }): Promise<Archive> {
	const db = openDatabase(`${options.dataDir}/medialab.sqlite`);
	const app = createApp({ db, rooms: { idleUnloadMs: 200 }, drive: { dataDir: options.dataDir, limits: { uploadMaxBytes: 1e6, workshopQuotaBytes: 1e7 } } });
	const random = rng(2018);
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
	const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
	const schema = padSchema();

	const organiser: Viewer = await app.accounts.signUp({ username: 'bench-search', displayName: 'Orga', password: 'correct horse battery staple' });
	const pads = Math.ceil(options.sections / options.sectionsPerPad);
	const padsPerWorkshop = 5;
	const workshopsPerEdition = 40;
	const editionIds: string[] = [];
	let workshopId = '';
	let sections = 0;
	const started = performance.now();
	for (let p = 0; p < pads; p++) {
		if (p % (padsPerWorkshop * workshopsPerEdition) === 0) {
			const year = 2018 + editionIds.length;
			const edition = app.editions.create(organiser, { title: `Numérique en Commun[s] ${year}`, city: 'Nantes', startsOn: `${year}-09-13`, endsOn: `${year}-09-14` });
			app.editions.setStatus(organiser, edition.id, { status: 'published' });
			editionIds.push(edition.id);
		}
		if (p % padsPerWorkshop === 0) {
			const day = 13 + (Math.floor(p / padsPerWorkshop) % 2);
			const year = 2017 + editionIds.length;
			workshopId = app.workshops.create(organiser, editionIds.at(-1)!, {
				title: `Atelier ${sentence(3)}`,
				format: pick(['atelier-contributif', 'regards-croises', 'table-ronde', 'masterclass']),
				startsAt: `${year}-09-${day}T14:00`,
				endsAt: `${year}-09-${day}T15:30`,
				statusOverride: 'closed'
			});
		}
		const pad = app.pads.create(organiser, workshopId, { title: `Notes ${p + 1}` });
		const content = [];
		const count = Math.min(options.sectionsPerPad, options.sections - sections);
		for (let s = 0; s < count; s++) {
			content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `${HEADINGS[s % HEADINGS.length]} ${Math.floor(s / HEADINGS.length) + 1}` }] });
			content.push({ type: 'paragraph', content: [{ type: 'text', text: sentence(options.wordsPerSection) }] });
		}
		sections += count;
		const update = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema, { type: 'doc', content }, PAD_FRAGMENT));
		app.rooms.withRoom(`pad:${pad.id}`, (room) => room.applyServerUpdate(update, organiser.id));
		// Let the doc store commit and idle rooms unload, as a server would between requests.
		if (p % 20 === 19) await new Promise((r) => setTimeout(r, 1));
		if (p % 500 === 499) options.log(`  archive: ${sections} sections in ${p + 1} pads (${((performance.now() - started) / 1000).toFixed(0)} s)`);
	}

	// The live workshop: happening now, one pad, a guest session per typist.
	const today = new Date().toISOString().slice(0, 10);
	const live = app.workshops.create(organiser, editionIds[0]!, { title: 'Atelier en direct', format: 'atelier-contributif', startsAt: `${today}T00:00`, endsAt: `${today}T23:59`, statusOverride: 'live' });
	const livePad = app.pads.create(organiser, live, { title: 'Notes en direct' });
	const code = db.prepare('SELECT join_code FROM workshops WHERE id = ?').pluck().get(live) as string;
	const typistTokens: string[] = [];
	for (let i = 0; i < options.typists; i++) {
		const guest = app.accounts.createGuest({ displayName: `Participant ${i + 1}` });
		app.workshops.join(guest, code);
		typistTokens.push(app.sessions.create(guest.id, true).token);
	}
	const organiserToken = app.sessions.create(organiser.id, true).token;
	// Everything committed before the server opens the same file.
	await new Promise((r) => setTimeout(r, 50));
	app.rooms.closeAll();
	db.close();
	return { dataDir: options.dataDir, sections, organiserToken, livePadRoom: `pad:${livePad.id}`, typistTokens, vocabulary: WORDS, editionIds };
}
