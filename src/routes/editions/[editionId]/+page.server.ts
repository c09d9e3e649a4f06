import { orError } from '$lib/server/forms';
import { workshopFormats } from '$server/shared/vocabulary';
import type { ProgrammeSlot, ProgrammeView } from '$lib/components/programme/programme-slots';
import type { PageServerLoad } from './$types';

const param = (url: URL, name: string) => url.searchParams.get(name)?.trim() || null;

export const load: PageServerLoad = ({ locals, params, url }) => {
	const requested = { theme: param(url, 'theme'), track: param(url, 'track'), format: param(url, 'format') };
	const view: ProgrammeView = url.searchParams.get('view') === 'list' ? 'list' : 'grid';
	const whole = orError(() => locals.app.workshops.programme(locals.viewer, params.editionId));
	const filtered = requested.theme || requested.track || requested.format ? locals.app.workshops.programme(locals.viewer, params.editionId, requested) : whole;
	const usedFormats = new Set(whole.workshops.map((w) => w.format));
	const mine = locals.app.myProgramme.state(locals.viewer, params.editionId);
	const picked = new Set(mine?.picked ?? []);
	return {
		edition: whole.edition,
		access: whole.access,
		themes: whole.themes.map((t) => ({ id: t.id, label: t.label })),
		tracks: whole.tracks,
		rooms: whole.rooms.map((r) => ({ id: r.id, name: r.name, venue: r.venue })),
		formats: workshopFormats.filter((f) => usedFormats.has(f)),
		days: whole.days,
		totalCount: whole.workshops.length,
		// Sessions cancelled by a programme import leave the grid and are listed apart.
		slots: filtered.workshops.filter((w) => !w.cancelled).map(({ description: _description, ...slot }): ProgrammeSlot => (mine ? { ...slot, picked: picked.has(slot.id) } : slot)),
		myCount: mine ? mine.picked.length : null,
		cancelled: filtered.workshops.filter((w) => w.cancelled).map((w) => ({ id: w.id, title: w.title, startsAt: w.startsAt })),
		filters: filtered.filters,
		view
	};
};
