// The projected wall of an edition: workshops in progress with their latest written lines, and what comes next.
// Its audience is a room full of people, not the viewer: members-only walls show what a participant of the workshop
// may read, public walls only what an anonymous reader may (docs/desk.md).
import { AppError } from '../../shared/errors';
import { can, type Role } from '../access/policy';
import { workshopFacts } from '../access/subject';
import type { PmNode } from '../pads/pad-html';
import { renderPadMarkdown } from '../pads/pad-markdown';
import type { PadRow } from '../pads/pads.repo';
import type { PadJson } from '../ports';
import type { WorkshopsService } from '../programme/workshops.service';
import type { WorkshopsRepo } from '../programme/workshops.repo';
import type { Viewer } from '../types';

export type WallWorkshop = { id: string; title: string; room: string | null; startsAt: string; endsAt: string; lines: string[]; joinCode: string | null };
export type WallView = { edition: { id: string; title: string }; public: boolean; live: WallWorkshop[]; upcoming: WallWorkshop[] };

const LINES = 4;
const UPCOMING = 6;

type Deps = {
	workshops: WorkshopsService;
	workshopsRepo: WorkshopsRepo;
	pads: (workshopId: string) => PadRow[];
	padContent: (padId: string) => Promise<PadJson>;
};

/** The last lines of text, without Markdown markup: a wall is read from afar. */
export function latestLines(doc: PadJson, count = LINES): string[] {
	const text = renderPadMarkdown(doc as unknown as PmNode);
	return text
		.split('\n')
		.map((l) => l.replace(/^[#>*\-\d.\s[\]x]+/, '').replace(/[*_`]/g, '').trim())
		.filter((l) => l.length > 0)
		.slice(-count)
		.map((l) => (l.length > 140 ? `${l.slice(0, 139)}…` : l));
}

export function createWallService(deps: Deps) {
	return {
		async view(viewer: Viewer | null, editionId: string): Promise<WallView> {
			const programme = deps.workshops.programme(viewer, editionId);
			const { edition, access } = programme;
			const isPublic = edition.wall_public === 1;
			// Members-only: the edition's own people (staff, participants) and nobody else, not even signed-in readers.
			if (!isPublic && access.role === null && access.subject !== 'admin') throw new AppError('not_found', 'error.edition.notFound');
			const audience: Role = isPublic ? 'anonymous' : 'participant';
			const shown = async (w: (typeof programme.workshops)[number], withLines: boolean): Promise<WallWorkshop> => {
				const facts = workshopFacts(edition, w.status);
				const readable = withLines && can(audience, 'read', 'padLive', { ...facts, notDeleted: true });
				const pads = readable ? deps.pads(w.id).filter((p) => !p.deleted_at) : [];
				const lines = pads.length ? latestLines(await deps.padContent(pads[0]!.id)) : [];
				return {
					id: w.id,
					title: w.title,
					room: w.room?.name ?? null,
					startsAt: w.startsAt,
					endsAt: w.endsAt,
					lines,
					// A public wall never shows the join capability; members-only walls show it, as the room sign does.
					joinCode: isPublic ? null : (deps.workshopsRepo.findById(w.id)?.join_code ?? null)
				};
			};
			const active = programme.workshops.filter((w) => !w.cancelled);
			return {
				edition: { id: edition.id, title: edition.title },
				public: isPublic,
				live: await Promise.all(active.filter((w) => w.status === 'live').map((w) => shown(w, true))),
				upcoming: await Promise.all(
					active
						.filter((w) => w.status === 'upcoming')
						.slice(0, UPCOMING)
						.map((w) => shown(w, false))
				)
			};
		}
	};
}
export type WallService = ReturnType<typeof createWallService>;
