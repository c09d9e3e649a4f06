// What is happening now across the editions a viewer may read: workshops live now, the next ones, the latest deliverables.
import type { PublishedSummary } from '../deliverables/published';
import type { EditionRow } from '../editions/editions.repo';
import type { Clock, Viewer } from '../types';
import type { WorkshopView } from './programme-view';
import { localDateTime } from './workshop-status';

import type { HappeningWorkshop } from '../../shared/programme-views';

export type { HappeningWorkshop };
export type Happening = { live: HappeningWorkshop[]; next: HappeningWorkshop[]; latestDeliverables: (PublishedSummary & { editionTitle: string; timeZone: string })[] };

type Deps = {
	clock: Clock;
	editions: { listPublished(): EditionRow[]; listOwn(viewer: Viewer | null): EditionRow[] };
	workshops: { programme(viewer: Viewer | null, editionId: string): { workshops: WorkshopView[] } };
	deliverables: { listPublished(filter: { editionId?: string }): PublishedSummary[] };
};

export function createHappening(deps: Deps) {
	/** Editions not over yet on their own clock, each once (a member's published edition is listed twice). */
	function currentEditions(viewer: Viewer | null): EditionRow[] {
		const byId = new Map([...deps.editions.listPublished(), ...deps.editions.listOwn(viewer)].map((e) => [e.id, e]));
		return [...byId.values()].filter((e) => e.ends_on >= localDateTime(deps.clock(), e.timezone).slice(0, 10));
	}

	return {
		/** Live workshops first by start, then at most `limit` upcoming ones; the newest published deliverables. */
		now(viewer: Viewer | null, limit = 4): Happening {
			const all: HappeningWorkshop[] = currentEditions(viewer).flatMap((e) =>
				deps.workshops.programme(viewer, e.id).workshops.map((w) => ({
					id: w.id,
					title: w.title,
					format: w.format,
					startsAt: w.startsAt,
					endsAt: w.endsAt,
					status: w.status,
					editionId: e.id,
					editionTitle: e.title,
					timeZone: e.timezone,
					room: w.room?.name ?? null
				}))
			);
			const byStart = (a: HappeningWorkshop, b: HappeningWorkshop) => a.startsAt.localeCompare(b.startsAt);
			const published = new Map(deps.editions.listPublished().map((e) => [e.id, e]));
			const latestDeliverables = deps.deliverables
				.listPublished({})
				.filter((d) => d.status === 'published')
				.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
				.slice(0, limit)
				.map((d) => ({ ...d, editionTitle: published.get(d.editionId)?.title ?? '', timeZone: published.get(d.editionId)?.timezone ?? 'Europe/Paris' }));
			return {
				live: all.filter((w) => w.status === 'live').sort(byStart),
				next: all.filter((w) => w.status === 'upcoming').sort(byStart).slice(0, limit),
				latestDeliverables
			};
		}
	};
}
export type HappeningService = ReturnType<typeof createHappening>;
