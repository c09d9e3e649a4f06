// The public archive's read model: published editions, their programme with published deliverables, themes, tracks, key figures.
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import type { CreditLocale } from '../deliverables/credits';
import type { EditionsRepo } from '../editions/editions.repo';
import { workshopHead } from '../programme/programme-view';
import type { WorkshopsService } from '../programme/workshops.service';
import type { ArchiveDeliverable, ArchiveDeliverableSummary, ArchiveEdition, DeliverableSource, KeyFigures } from './archive-types';
import { createArchiveRepo } from './archive.repo';
import { computeKeyFigures } from './key-figures';
import { contributionsByHour, type HourCount } from './contributions-by-hour';
import { countWords, padText } from './words';

type Deps = {
	db: Db;
	editions: EditionsRepo;
	workshops: WorkshopsService;
	deliverables: DeliverableSource;
	/** A pad's current content as ProseMirror JSON (the real-time document, read through its room). */
	padContent: (padId: string) => unknown;
};

export function createArchiveService(deps: Deps) {
	const repo = createArchiveRepo(deps.db);

	/** Anonymous reading rules: an edition that is not published does not exist for the archive. */
	function edition(editionId: string): ArchiveEdition {
		const programme = deps.workshops.programme(null, editionId);
		const e = programme.edition;
		const deliverables = deps.deliverables.listPublished({ editionId }).sort((a, b) => a.title.localeCompare(b.title, 'fr'));
		return {
			edition: {
				id: e.id,
				title: e.title,
				seriesTitle: e.series_title,
				city: e.city,
				venue: e.venue,
				startsOn: e.starts_on,
				endsOn: e.ends_on,
				description: e.description,
				licence: e.licence,
				timezone: e.timezone
			},
			themes: programme.themes,
			tracks: programme.tracks.map((t) => ({ id: t.id, title: t.title, lead: t.lead, description: t.description, workshopIds: t.workshops.map((w) => w.id) })),
			days: programme.days,
			workshops: programme.workshops.map((w) => ({
				...workshopHead(w),
				day: w.day,
				room: w.room?.name ?? null,
				track: w.track ? { id: w.track.id, title: w.track.title } : null,
				themes: w.themes,
				facilitators: w.facilitators.map((f) => f.displayName),
				deliverables: deliverables.filter((d) => d.workshopId === w.id)
			})),
			deliverables
		};
	}

	function deliverable(editionId: string, id: string, version?: number, locale: CreditLocale = 'fr'): ArchiveDeliverable {
		deps.workshops.programme(null, editionId);
		const found = deps.deliverables.getPublished(id, version, { locale });
		if (found.editionId !== editionId) throw new AppError('not_found', 'error.deliverable.notFound');
		return found;
	}

	const timeZoneOf = (editionId: string) => deps.editions.findById(editionId)?.timezone ?? 'Europe/Paris';

	function figures(editionId: string, archive: ArchiveEdition = edition(editionId)): KeyFigures {
		const pads = repo.listPads(editionId).map((p) => ({ id: p.id, workshopId: p.workshop_id, words: countWords(padText(deps.padContent(p.id))) }));
		return computeKeyFigures({
			workshops: archive.workshops,
			themes: archive.themes,
			pads,
			filesPerWorkshop: new Map(repo.filesPerWorkshop(editionId).map((r) => [r.workshop_id, r.files])),
			deliverables: archive.deliverables,
			contributors: repo.countContributors(editionId)
		});
	}

	/** Contributions per hour of the event, on the edition's clock (kept apart from the key figures the open data publishes). */
	function contributionHours(editionId: string, archive: ArchiveEdition = edition(editionId)): HourCount[] {
		return contributionsByHour(repo.contributionTimes(editionId), timeZoneOf(editionId), archive.workshops);
	}

	return {
		/** Published editions, newest first, with how many deliverables each has published. */
		listEditions() {
			const counts = new Map<string, number>();
			for (const d of deps.deliverables.listPublished({})) if (d.status === 'published') counts.set(d.editionId, (counts.get(d.editionId) ?? 0) + 1);
			return deps.editions.listPublished().map((e) => ({
				id: e.id,
				title: e.title,
				city: e.city,
				startsOn: e.starts_on,
				endsOn: e.ends_on,
				deliverables: counts.get(e.id) ?? 0
			}));
		},

		edition,

		workshop(editionId: string, workshopId: string) {
			const archive = edition(editionId);
			const workshop = archive.workshops.find((w) => w.id === workshopId);
			if (!workshop) throw new AppError('not_found', 'error.workshop.notFound');
			return { archive, workshop };
		},

		theme(editionId: string, themeId: string) {
			const archive = edition(editionId);
			const theme = archive.themes.find((t) => t.id === themeId);
			if (!theme) throw new AppError('not_found', 'error.theme.notFound');
			const workshops = archive.workshops.filter((w) => w.themes.some((t) => t.id === theme.id));
			const deliverables = archive.deliverables.filter(
				(d) => d.themes.some((t) => t.id === theme.id) || (d.themes.length === 0 && workshops.some((w) => w.id === d.workshopId))
			);
			return { archive, theme, workshops, deliverables };
		},

		track(editionId: string, trackId: string) {
			const archive = edition(editionId);
			const track = archive.tracks.find((t) => t.id === trackId);
			if (!track) throw new AppError('not_found', 'error.track.notFound');
			const byId = new Map(archive.workshops.map((w) => [w.id, w]));
			return { archive, track, workshops: track.workshopIds.map((id) => byId.get(id)!).filter(Boolean) };
		},

		deliverable,

		/** What changed between two versions (title, summary, licence, and the text word by word). */
		changes(editionId: string, id: string, from: number, to: number) {
			const latest = deliverable(editionId, id);
			return { deliverable: latest, diff: deps.deliverables.diffVersions(id, from, to) };
		},

		figures,
		contributionHours,

		/** Everything the static site and open data need, full deliverables included. */
		snapshot(editionId: string, locale: CreditLocale = 'fr') {
			const archive = edition(editionId);
			// Every version, newest first, so citations of an older version resolve offline too.
			const versions = archive.deliverables.map((d) => {
				const latest = deps.deliverables.getPublished(d.id, undefined, { locale });
				return [latest, ...latest.versions.filter((v) => v.version !== latest.version).map((v) => deps.deliverables.getPublished(d.id, v.version, { locale }))];
			});
			return { ...archive, versions, figures: figures(editionId, archive) };
		}
	};
}
export type ArchiveService = ReturnType<typeof createArchiveService>;
export type EditionSnapshot = ReturnType<ArchiveService['snapshot']>;
export type { ArchiveDeliverableSummary };
