// Creates the demo edition (modelled on NEC 2018) on an instance's first run, through the domain services.
import type { App } from '../app';
import { newId } from '../shared/ids';
import type { Viewer } from '../domain/types';
import { seedActivity } from './seed-activity';
import { demoEdition, demoRooms, demoSeries, demoThemes, demoTracks, demoWorkshops } from './nec2018';

const DEMO_TEAM = 'Équipe MédiaLab (démo)';

/** Seeds once: does nothing when any edition exists. Returns the new edition id, if any. */
export async function seedDemo(app: App): Promise<string | null> {
	const hasEditions = app.db.prepare('SELECT 1 FROM editions LIMIT 1').pluck().get() === 1;
	if (hasEditions) return null;
	// One transaction across the upload's await (services' own transactions nest as savepoints): it runs at start-up,
	// before anything else writes, and a failure leaves no half-seeded edition that would stop the next start from seeding.
	app.db.exec('BEGIN IMMEDIATE');
	try {
		const { editionId, team } = seedProgramme(app);
		await seedActivity(app, editionId, team);
		app.db.exec('COMMIT');
		return editionId;
	} catch (e) {
		if (app.db.inTransaction) app.db.exec('ROLLBACK');
		throw e;
	}
}

function seedProgramme(app: App): { editionId: string; team: Viewer } {
	// The demo team is an account nobody can log into (no password); it organises the demo edition and facilitates its workshops.
	const teamId = newId();
	app.db
		.prepare('INSERT INTO users (id, display_name, is_guest, is_admin, created_at) VALUES (?, ?, 1, 0, ?)')
		.run(teamId, DEMO_TEAM, new Date(app.clock()).toISOString());
	const team: Viewer = { id: teamId, username: null, displayName: DEMO_TEAM, isGuest: false, isAdmin: false };

	const edition = app.editions.create(team, { ...demoEdition, seriesTitle: demoSeries });
	const themeIds = new Map(demoThemes.map((t) => [t.label, app.structure.addTheme(team, edition.id, t)]));
	const trackIds = new Map(demoTracks.map((t) => [t.title, app.structure.addTrack(team, edition.id, t)]));
	const roomIds = new Map(demoRooms.map((r) => [r.name, app.structure.addRoom(team, edition.id, r)]));
	for (const w of demoWorkshops) {
		app.workshops.create(team, edition.id, {
			title: w.title,
			format: w.format,
			description: w.description,
			speakers: w.speakers,
			trackId: w.track ? trackIds.get(w.track) : '',
			roomId: roomIds.get(w.room),
			themeIds: w.themes.map((label) => themeIds.get(label)).filter((id) => id !== undefined),
			facilitatorIds: [teamId],
			startsAt: w.startsAt,
			endsAt: w.endsAt
		});
	}
	app.editions.setStatus(team, edition.id, { status: 'published' });
	return { editionId: edition.id, team };
}
