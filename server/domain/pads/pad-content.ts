// Viewer-first use cases on a pad's live document: history, a saved version, saving, restoring, exporting.
import { AppError } from '../../shared/errors';
import type { Credit, CreditLocale, CreditsService } from '../deliverables/credits';
import type { AssistedAuthorship, LiveDocuments, PadJson } from '../ports';
import type { Clock, Viewer } from '../types';
import { renderPadHtml, type PmNode } from './pad-html';
import { renderPadMarkdown } from './pad-markdown';
import type { PadRow } from './pads.repo';

/** A pad as its URL names it: a pad reached through another workshop's or edition's URL does not exist. */
export type PadRef = { padId: string; workshopId?: string; editionId?: string };

type Readable = (
	viewer: Viewer | null,
	ref: PadRef | string
) => { pad: PadRow; rights: { edition: { id: string; title: string; licence: string }; workshop: { id: string; title: string } }; canWrite: boolean };

/** What an export of the pad shows: its content now and everyone who wrote in it, credited as they chose for the edition. */
export type PadExport = {
	title: string;
	editionTitle: string;
	workshopTitle: string;
	licence: string;
	date: string;
	credits: Credit[];
	html: string;
	markdown: string;
};

export function createPadContent(deps: { readable: Readable; documents: LiveDocuments; credits: CreditsService; clock: Clock }) {
	const { documents } = deps;

	/** Names as each person chose to be credited in this edition (name, pseudonym or anonymous), resolved now. */
	const namesIn = (editionId: string, locale: CreditLocale, assisted: AssistedAuthorship[] = []) => (ids: string[]) =>
		ids.map((id) => withHelpers(id, deps.credits.display(id, editionId, locale), editionId, locale, assisted));

	/** « Alice, avec l'aide de Fanny »: each name as its person chose to be credited. */
	function withHelpers(authorId: string, display: string, editionId: string, locale: CreditLocale, assisted: AssistedAuthorship[]): string {
		const helpers = [...new Set(assisted.filter((a) => a.authorId === authorId).map((a) => deps.credits.display(a.helperId, editionId, locale)))];
		if (helpers.length === 0) return display;
		return `${display}, ${locale === 'fr' ? 'avec l’aide de' : 'with help from'} ${helpers.join(locale === 'fr' ? ' et ' : ' and ')}`;
	}

	function writable(viewer: Viewer | null, ref: PadRef | string): { viewer: Viewer; pad: PadRow } {
		const found = deps.readable(viewer, ref);
		if (!found.canWrite || !viewer) throw new AppError('forbidden', 'error.pad.readOnly');
		return { viewer, pad: found.pad };
	}

	return {
		/** Saved versions, newest first, with their writers' credited names, and who wrote since the last version. */
		history(viewer: Viewer | null, ref: PadRef | string, locale: CreditLocale = 'fr') {
			const { pad, rights, canWrite } = deps.readable(viewer, ref);
			const { versions, unsavedAuthorIds, assisted } = documents.history(pad.id);
			const names = namesIn(rights.edition.id, locale, assisted);
			return {
				canWrite,
				versions: versions.map((v) => ({ id: v.id, createdAt: v.createdAt, reason: v.reason, authors: names(v.authorIds) })),
				unsavedAuthors: names(unsavedAuthorIds)
			};
		},

		/** One saved version's content; not_found for an unknown version. */
		version(viewer: Viewer | null, ref: PadRef | string, versionId: number): { id: number; createdAt: number; content: PadJson; html: string } {
			const { pad } = deps.readable(viewer, ref);
			const version = documents.history(pad.id).versions.find((v) => v.id === versionId);
			if (!version) throw new AppError('not_found', 'error.version.notFound');
			const content = documents.versionContent(pad.id, version.id);
			return { id: version.id, createdAt: version.createdAt, content, html: renderPadHtml(content as PmNode) };
		},

		/** Saves a version now; false when nothing changed since the last one. */
		saveVersion(viewer: Viewer | null, ref: PadRef | string): boolean {
			return documents.saveVersion(writable(viewer, ref).pad.id) !== null;
		},

		/** Restoring is a new change by whoever restores: history keeps everything. */
		restoreVersion(viewer: Viewer | null, ref: PadRef | string, versionId: number): void {
			const { viewer: writer, pad } = writable(viewer, ref);
			if (!Number.isInteger(versionId)) throw new AppError('not_found', 'error.version.notFound');
			documents.restoreVersion(pad.id, versionId, writer.id);
		},

		/** The pad as it is now, for export (Markdown, standalone HTML, print). */
		exportDocument(viewer: Viewer | null, ref: PadRef | string, locale: CreditLocale = 'fr'): PadExport {
			const { pad, rights } = deps.readable(viewer, ref);
			const content = documents.currentContent(pad.id) as PmNode;
			const history = documents.history(pad.id);
			const authorIds = [...new Set([...history.versions.flatMap((v) => v.authorIds), ...history.unsavedAuthorIds])];
			const credits = deps.credits
				.resolveAll(
					authorIds.map((userId) => ({ userId, role: 'author' as const })),
					rights.edition.id,
					locale
				)
				// Same order as the ids: whoever wrote with a helper is credited « avec l'aide de » them.
				.map((c, i) => ({ ...c, display: withHelpers(authorIds[i]!, c.display, rights.edition.id, locale, history.assisted ?? []) }))
				.sort((a, b) => a.display.localeCompare(b.display, locale));
			return {
				title: pad.title,
				editionTitle: rights.edition.title,
				workshopTitle: rights.workshop.title,
				licence: rights.edition.licence,
				date: new Date(deps.clock()).toISOString(),
				credits,
				html: renderPadHtml(content),
				markdown: renderPadMarkdown(content)
			};
		}
	};
}
