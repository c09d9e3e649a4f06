// What happened during the demo edition: participants join, take notes in pads, chat, share a file, publish deliverables and proceedings.
import type { App } from '../app';
import type { Viewer } from '../domain/types';
import { dropUnwrittenSections, postChatMessage, writeSection } from './demo-writing';
import { demoWorkshops } from './nec2018';
import { demoPads, gridFollowUp } from './nec2018-notes';
import { demoChats, demoDeliverables, demoFile, demoPersonas, type DemoPersonaKey } from './nec2018-people';
import { seedProceedings } from './nec2018-proceedings';

const MINUTE = 60_000;
/** Programme times are wall-clock times in Nantes, summer time in September. */
const startOf = (title: string) => Date.parse(`${demoWorkshops.find((w) => w.title === title)!.startsAt}:00+02:00`);
const endOf = (title: string) => Date.parse(`${demoWorkshops.find((w) => w.title === title)!.endsAt}:00+02:00`);

async function* bytesOf(text: string): AsyncIterable<Uint8Array> {
	yield Buffer.from(text, 'utf8');
}

export async function seedActivity(app: App, editionId: string, team: Viewer): Promise<void> {
	const programme = app.workshops.programme(team, editionId);
	const workshopIds = new Map(programme.workshops.map((w) => [w.title, w.id]));
	const themeIds = new Map(programme.themes.map((t) => [t.label, t.id]));
	const workshopId = (title: string) => {
		const id = workshopIds.get(title);
		if (!id) throw new Error(`demo data names an unknown workshop: ${title}`);
		return id;
	};

	// Guests without a session: accounts nobody can log into, each with their own way of being credited.
	const people = new Map<DemoPersonaKey, Viewer>();
	for (const p of demoPersonas) {
		const viewer = app.accounts.createGuest({ displayName: p.displayName });
		people.set(p.key, viewer);
		for (const title of p.workshops) app.workshops.joinReadable(viewer, workshopId(title));
		app.credits.setChoice(viewer, editionId, p.credit);
	}
	const person = (key: DemoPersonaKey) => people.get(key)!;

	// Each pad starts from its format's template, as the pads page does, then each section is one person's update.
	const padIds = new Map<string, string>();
	for (const notes of demoPads) {
		const id = workshopId(notes.workshop);
		const format = demoWorkshops.find((w) => w.title === notes.workshop)!.format;
		const pad = app.pads.create(team, id, { title: notes.title, template: format });
		app.padDocuments.applyTemplate(pad.id, format, team.id);
		for (const section of notes.sections) writeSection(app, pad.id, section, person(section.by).id);
		dropUnwrittenSections(app, pad.id, notes.sections.map((s) => s.heading), team.id);
		padIds.set(notes.key, pad.id);
	}

	for (const chat of demoChats) {
		const id = workshopId(chat.workshop);
		const sent: string[] = [];
		for (const m of chat.messages) {
			const replyTo = m.replyTo === undefined ? undefined : sent[m.replyTo];
			sent.push(postChatMessage(app, id, person(m.by), m.text, startOf(chat.workshop) + m.minute * MINUTE, replyTo));
		}
	}

	await app.files.upload(person(demoFile.by), workshopId(demoFile.workshop), { name: demoFile.name, source: bytesOf(demoFile.content) });

	for (const d of demoDeliverables) {
		const padId = padIds.get(d.pad)!;
		const workshop = demoPads.find((p) => p.key === d.pad)!.workshop;
		const deliverableId = app.deliverables.create(team, workshopId(workshop), {
			padId,
			title: d.title,
			summary: d.summary,
			themeIds: d.themes.map((label) => themeIds.get(label)!),
			licence: 'etalab-2.0'
		});
		// Published during the event, as they were: half an hour after the workshop, not on the day the demo is seeded.
		app.deliverables.publish(team, deliverableId, { publishedAt: endOf(workshop) + 30 * MINUTE });
		// The grid's pad keeps living after its first publication: the second version shows « what changed ».
		if (d.pad === 'grille') {
			writeSection(app, padId, gridFollowUp, person(gridFollowUp.by).id);
			app.deliverables.publish(team, deliverableId, { publishedAt: endOf(workshop) + 150 * MINUTE });
		}
	}

	// Proceedings: syntheses of two themes quoting these deliverables, published, so a fresh instance shows them.
	seedProceedings(app, editionId, team, themeIds);

	// The store group-commits on a timer: write the rooms' pending updates inside this transaction.
	app.rooms.flush();
}
