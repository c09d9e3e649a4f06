// An edition of 300 workshops written through the domain services into a data directory, as an organiser would
// build it: themes, tracks, rooms, two days of workshops with descriptions and a pad of notes each; the first
// workshops live today, each with guests who joined and have a session (the typing load).
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { createApp } from '../../../server/app';
import { openDatabase } from '../../../server/db/open';
import type { Viewer } from '../../../server/domain/types';
import { PAD_FRAGMENT, padSchema } from '../../../server/shared/pad-schema';
import type { RoomFixture } from '../servers/types';

const WORDS = (
	'inclusion numérique médiation données communs tiers-lieux territoire collectivité association citoyen accessibilité ' +
	'formation accompagnement usagers services publics ouverture logiciel libre licence contribution gouvernance ' +
	'financement pérennité maintenance communauté outils méthode atelier participants ressources partage mutualisation ' +
	'écosystème coopération documentation réutilisation standard interopérabilité souveraineté sobriété réseau fablab'
).split(' ');
const FORMATS = ['atelier-contributif', 'regards-croises', 'table-ronde', 'masterclass'] as const;

export type PagesFixture = {
	editionId: string;
	/** A workshop of the edition (not a live one) and a guest session of someone who joined it. */
	workshopId: string;
	memberToken: string;
	/** The live workshops' pads, with a guest session per client. */
	live: RoomFixture[];
	searchWord: string;
};

/** Deterministic: the same edition on every run. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export async function buildEdition(options: { dataDir: string; workshops: number; liveRooms: number; clientsPerRoom: number }): Promise<PagesFixture> {
	const db = openDatabase(`${options.dataDir}/medialab.sqlite`);
	const app = createApp({ db, rooms: { idleUnloadMs: 200 }, drive: { dataDir: options.dataDir, limits: { uploadMaxBytes: 1e6, workshopQuotaBytes: 1e7 } } });
	const random = rng(2026);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
	const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
	const schema = padSchema();

	const organiser: Viewer = await app.accounts.signUp({ username: 'bench-pages', displayName: 'Orga', password: 'correct horse battery staple' });
	const today = new Date().toISOString().slice(0, 10);
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	const edition = app.editions.create(organiser, { title: 'Numérique en Commun[s] — bench', city: 'Nantes', startsOn: today, endsOn: tomorrow });
	const themeIds = Array.from({ length: 10 }, (_, i) => app.structure.addTheme(organiser, edition.id, { label: `Thème ${i + 1} ${pick(WORDS)}` }));
	const trackIds = Array.from({ length: 6 }, (_, i) => app.structure.addTrack(organiser, edition.id, { title: `Parcours ${i + 1}`, lead: 'Orga', description: sentence(30) }));
	const roomIds = Array.from({ length: 20 }, (_, i) => app.structure.addRoom(organiser, edition.id, { name: `Salle ${i + 1}`, venue: 'Cité des congrès' }));

	const workshopIds: string[] = [];
	const padIds: string[] = [];
	for (let w = 0; w < options.workshops; w++) {
		const live = w < options.liveRooms;
		const day = live || w % 2 === 0 ? today : tomorrow;
		const hour = live ? 0 : 9 + (Math.floor(w / 20) % 9);
		const themes = [pick(themeIds), pick(themeIds)].filter((t, i, all) => all.indexOf(t) === i);
		const id = app.workshops.create(organiser, edition.id, {
			title: `Atelier ${w + 1} : ${sentence(4)}`,
			format: pick(FORMATS),
			description: sentence(60),
			speakers: `${sentence(2)}, ${sentence(2)}`,
			trackId: w % 3 === 0 ? pick(trackIds) : '',
			roomId: roomIds[w % roomIds.length],
			themeIds: themes,
			startsAt: `${day}T${String(hour).padStart(2, '0')}:00`,
			endsAt: live ? `${day}T23:59` : `${day}T${String(hour).padStart(2, '0')}:50`
		});
		workshopIds.push(id);
		const pad = app.pads.create(organiser, id, { title: 'Notes' });
		padIds.push(pad.id);
		if (live) continue; // live pads start empty: the typists write them
		const content = Array.from({ length: 6 }, (_, s) => [
			{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Partie ${s + 1}` }] },
			{ type: 'paragraph', content: [{ type: 'text', text: sentence(50) }] }
		]).flat();
		const update = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema, { type: 'doc', content }, PAD_FRAGMENT));
		app.rooms.withRoom(`pad:${pad.id}`, (room) => room.applyServerUpdate(update, organiser.id));
		if (w % 20 === 19) await new Promise((r) => setTimeout(r, 1));
	}
	app.editions.setStatus(organiser, edition.id, { status: 'published' });

	const joinCode = (workshopId: string) => db.prepare('SELECT join_code FROM workshops WHERE id = ?').pluck().get(workshopId) as string;
	const guestSession = (workshopId: string, n: number) => {
		const guest = app.accounts.createGuest({ displayName: `Participant ${n}` });
		app.workshops.join(guest, joinCode(workshopId));
		return app.sessions.create(guest.id, true).token;
	};
	const live: RoomFixture[] = [];
	db.transaction(() => {
		for (let r = 0; r < options.liveRooms; r++) {
			const tokens = Array.from({ length: options.clientsPerRoom }, (_, c) => guestSession(workshopIds[r]!, r * options.clientsPerRoom + c));
			live.push({ name: `pad:${padIds[r]}`, path: `/collab/pad:${padIds[r]}`, tokens });
		}
	})();
	const workshopId = workshopIds[options.liveRooms + 7]!;
	const memberToken = guestSession(workshopId, 0);
	// Everything committed and unloaded before the server opens the same file.
	await new Promise((r) => setTimeout(r, 300));
	app.rooms.closeAll();
	db.close();
	return { editionId: edition.id, workshopId, memberToken, live, searchWord: WORDS[0]! };
}
