// What the workshop form offers to choose from: this edition's rooms, tracks, themes and staff.
import type { App } from '$lib/server/app';
import type { Viewer } from '$server/shared/viewer';
import { orError } from '$lib/server/forms';

export type WorkshopOptions = ReturnType<typeof loadWorkshopOptions>;

export function loadWorkshopOptions(app: App, viewer: Viewer | null, editionId: string) {
	return orError(() => {
		const programme = app.workshops.programme(viewer, editionId);
		const { members } = app.members.list(viewer, editionId);
		return {
			rooms: programme.rooms.map((room) => ({ id: room.id, name: room.name, venue: room.venue })),
			tracks: programme.tracks.map((track) => ({ id: track.id, title: track.title })),
			themes: programme.themes.map((theme) => ({ id: theme.id, label: theme.label })),
			facilitators: members
				.filter((member) => member.role === 'organiser' || member.role === 'facilitator')
				.map((member) => ({ id: member.user_id, displayName: member.display_name, role: member.role }))
		};
	});
}
