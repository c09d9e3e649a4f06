// Reads what gets indexed from SQLite and the stored real-time documents (never from a browser) and builds search documents.
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { DocStore } from '../collab/doc-store';
import type { Db } from '../db/open';
import { localDateTime } from '../domain/programme/workshop-status';
import { isTombstone, parseChatEntry, readChatEntries, type ChatMessage } from '../shared/chat-doc';
import type { PmNode } from '../domain/pads/pad-html';
import { withCurrentNames } from '../domain/pads/person-names';
import { withoutTemplatePrompts } from '../domain/pads/template-prompts';
import { PAD_FRAGMENT } from '../shared/pad-schema';
import { themeKey, trackKey } from '../shared/themes';
import type { BlobStore } from '../domain/ports';
import { chatDoc, deliverableDoc, editionDoc, fileDoc, NEVER, padDocs, workshopDoc, type Placement, type SearchDoc } from './documents';
import type { Extractor } from './extract/extractor';
import { createSynthesisSources } from './synthesis-sources';

type EditionFacts = { id: string; title: string; description: string; city: string; venue: string; starts_on: string; timezone: string; licence: string; status: string };
type WorkshopFacts = {
	id: string;
	edition_id: string;
	title: string;
	description: string;
	speakers: string;
	format: string;
	track_id: string | null;
	room_id: string | null;
	starts_at: string;
	ends_at: string;
	status_override: string | null;
};

/** Unix ms of a local 'YYYY-MM-DDTHH:MM' in `timeZone` (workshop slots are stored in the edition's local time). */
export function localToUtc(local: string, timeZone: string): number {
	const naive = Date.parse(`${local}:00Z`);
	let guess = naive;
	for (let i = 0; i < 2; i++) {
		const shown = Date.parse(`${localDateTime(guess, timeZone)}:00Z`);
		guess -= shown - naive;
	}
	return guess;
}

/** When the workshop's pads, files and (public) chat open to every reader of the edition: the rule of workshopStatus(). */
export function closedFrom(w: Pick<WorkshopFacts, 'ends_at' | 'status_override'>, timeZone: string): number {
	if (w.status_override === 'closed') return 0;
	if (w.status_override) return NEVER;
	return localToUtc(w.ends_at, timeZone);
}

const docFrom = (stored: { base: Uint8Array | null; updates: Uint8Array[] }) => {
	const doc = new Y.Doc();
	if (stored.base) Y.applyUpdate(doc, stored.base);
	for (const u of stored.updates) Y.applyUpdate(doc, u);
	return doc;
};

export function createSearchSources(deps: {
	db: Db;
	store: DocStore;
	blobs: BlobStore;
	extractor: Extractor;
	clock: () => number;
	/** How a person is named in an edition today; without it, the names stored beside messages and in pads. */
	nameOf?: (userId: string, editionId: string) => string;
}) {
	const { db } = deps;
	const edition = db.prepare<[string], EditionFacts>('SELECT * FROM editions WHERE id = ?');
	const workshop = db.prepare<[string], WorkshopFacts>('SELECT * FROM workshops WHERE id = ?');
	const workshopThemes = db.prepare<[string], { label: string; aliases: string }>(
		'SELECT t.label, t.aliases FROM workshop_themes wt JOIN themes t ON t.id = wt.theme_id WHERE wt.workshop_id = ? ORDER BY t.position'
	);
	const roomName = db.prepare<[string], string>('SELECT name FROM rooms WHERE id = ?').pluck();
	const trackTitle = db.prepare<[string], string>('SELECT title FROM tracks WHERE id = ?').pluck();
	const padsOf = db.prepare<[string], { id: string; title: string; created_at: string }>('SELECT id, title, created_at FROM pads WHERE workshop_id = ? AND deleted_at IS NULL');
	const pad = db.prepare<[string], { id: string; workshop_id: string; title: string; created_at: string; deleted_at: string | null }>('SELECT * FROM pads WHERE id = ?');
	const filesOf = db.prepare<[string], { id: string; name: string; sha256: string; mime: string; kind: string; uploaded_at: string; transcript: string | null }>(
		'SELECT * FROM files WHERE workshop_id = ? AND trashed_at IS NULL'
	);
	const extractOf = db.prepare<[string], { text: string; note: string | null }>('SELECT text, note FROM search_extracts WHERE sha256 = ?');
	const saveExtract = db.prepare('INSERT OR REPLACE INTO search_extracts (sha256, text, note, extracted_at) VALUES (?, ?, ?, ?)');
	const archived = db.prepare<[string], { entry: string }>('SELECT entry FROM chat_archive WHERE workshop_id = ? ORDER BY id');
	const hidden = db.prepare<[string], string>('SELECT message_id FROM chat_moderation WHERE workshop_id = ?').pluck();
	const hasDeliverables = () => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deliverable_versions'").pluck().get() === 1;

	function themesOf(workshopId: string) {
		return workshopThemes.all(workshopId).map((t) => {
			let aliases: unknown = [];
			try {
				aliases = JSON.parse(t.aliases);
			} catch {
				// Malformed aliases: the label alone still names the theme.
			}
			const names = [t.label, ...(Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [])].map((n) => (n.startsWith('#') ? n : `#${n}`));
			return { key: themeKey(t.label), names };
		});
	}

	function editionPlacement(e: EditionFacts): Placement {
		const date = localToUtc(`${e.starts_on}T09:00`, e.timezone);
		return { editionId: e.id, workshopId: null, workshopTitle: null, themes: [], track: null, format: null, licence: e.licence, year: Number(e.starts_on.slice(0, 4)), date, room: null, closedFrom: 0 };
	}

	function placement(workshopId: string): { w: WorkshopFacts; e: EditionFacts; p: Placement } | null {
		const w = workshop.get(workshopId);
		const e = w ? edition.get(w.edition_id) : undefined;
		if (!w || !e) return null;
		const date = localToUtc(w.starts_at, e.timezone);
		return {
			w,
			e,
			p: {
				editionId: e.id,
				workshopId: w.id,
				workshopTitle: w.title,
				themes: themesOf(w.id),
				track: w.track_id ? trackKey(trackTitle.get(w.track_id) ?? w.track_id) || null : null,
				format: w.format,
				licence: e.licence,
				year: Number(w.starts_at.slice(0, 4)),
				date,
				room: w.room_id ? (roomName.get(w.room_id) ?? null) : null,
				closedFrom: closedFrom(w, e.timezone)
			}
		};
	}

	function readPad(padId: string, editionId: string) {
		const doc = withoutTemplatePrompts(yDocToProsemirrorJSON(docFrom(deps.store.load(`pad:${padId}`)), PAD_FRAGMENT) as PmNode);
		const nameOf = deps.nameOf;
		return nameOf ? withCurrentNames(doc, (userId) => nameOf(userId, editionId)) : doc;
	}
	/** The name a message is indexed under: its author's credit choice at indexing time, so a re-index honours a change (one lookup per author). */
	function authorNames(editionId: string) {
		const known = new Map<string, string>();
		return (message: ChatMessage) => {
			if (!deps.nameOf) return message.authorName;
			let name = known.get(message.authorId);
			if (name === undefined) known.set(message.authorId, (name = deps.nameOf(message.authorId, editionId)));
			return name;
		};
	}

	async function textOf(file: { sha256: string; name: string; mime: string }): Promise<{ text: string; note: string | null }> {
		const cached = extractOf.get(file.sha256);
		if (cached) return cached;
		const stream = deps.blobs.open(file.sha256);
		let result: { text: string; note: string | null };
		if (!stream) result = { text: '', note: 'file bytes missing: indexed by name only' };
		else {
			try {
				const chunks: Buffer[] = [];
				for await (const chunk of stream) chunks.push(chunk as Buffer);
				result = await deps.extractor.extract(Buffer.concat(chunks), file.name, file.mime);
			} catch (e) {
				result = { text: '', note: `unreadable (${(e as Error).message.slice(0, 120)}): indexed by name only` };
			}
		}
		saveExtract.run(file.sha256, result.text, result.note, deps.clock());
		return result;
	}

	return {
		placement,
		syntheses: createSynthesisSources({
			db,
			store: deps.store,
			placement: (editionId) => {
				const e = edition.get(editionId);
				return e ? editionPlacement(e) : null;
			}
		}),

		editionDocs(editionId: string, rev: number): SearchDoc[] {
			const e = edition.get(editionId);
			return e ? [editionDoc(e, editionPlacement(e), rev)] : [];
		},
		workshopIds: (editionId: string) => db.prepare<[string], string>('SELECT id FROM workshops WHERE edition_id = ?').pluck().all(editionId),
		editionIds: () => db.prepare<[], string>('SELECT id FROM editions').pluck().all(),

		workshopDocs(workshopId: string, rev: number): SearchDoc[] {
			const found = placement(workshopId);
			return found ? [workshopDoc(found.w, found.p, rev)] : [];
		},

		/** null when the pad is gone or deleted: its documents must go. */
		padDocs(padId: string, rev: number): SearchDoc[] | null {
			const row = pad.get(padId);
			const found = row && !row.deleted_at ? placement(row.workshop_id) : null;
			if (!row || !found) return null;
			return padDocs({ id: row.id, title: row.title, date: found.p.date }, readPad(row.id, found.e.id), found.p, rev);
		},
		padIds: (workshopId: string) => padsOf.all(workshopId).map((p) => p.id),

		/** Live messages only unless `withArchive`; hidden ones come back as ids to delete. */
		chat(workshopId: string, rev: number, options: { withArchive: boolean; since?: number }): { docs: SearchDoc[]; hiddenIds: string[] } | null {
			const found = placement(workshopId);
			if (!found) return null;
			const entries = readChatEntries(docFrom(deps.store.load(`chat:${workshopId}`))).map((e) => e.entry);
			const all = options.withArchive ? [...archived.all(workshopId).map((r) => parseChatEntry(JSON.parse(r.entry))), ...entries] : entries;
			const messages = all.filter((e): e is ChatMessage => e !== null && !isTombstone(e));
			const since = options.since ?? 0;
			const authorName = authorNames(found.e.id);
			const hiddenIds = [...new Set([...all.filter((e) => e !== null && isTombstone(e)).map((e) => e!.id), ...hidden.all(workshopId)])];
			return {
				docs: messages.filter((m) => m.at >= since).map((m) => chatDoc({ id: m.id, authorName: authorName(m), text: m.text, at: m.at }, found.p, rev)),
				hiddenIds: hiddenIds.map((id) => `chat-${workshopId}-${id}`)
			};
		},

		async fileDocs(workshopId: string, rev: number): Promise<SearchDoc[] | null> {
			const found = placement(workshopId);
			if (!found) return null;
			const docs: SearchDoc[] = [];
			for (const f of filesOf.all(workshopId)) {
				const { text, note } = await textOf(f);
				docs.push(fileDoc({ id: f.id, name: f.name, kind: f.kind, mime: f.mime, uploadedAt: f.uploaded_at, text, note, transcript: f.transcript }, found.p, rev));
			}
			return docs;
		},

		/** Deliverables with a published version, not withdrawn (their latest version, even while the next one is in review). */
		deliverableDocs(filter: { deliverableId?: string; workshopId?: string }, rev: number): SearchDoc[] {
			if (!hasDeliverables()) return [];
			const rows = db
				.prepare<[{ d: string | null; w: string | null }], { id: string; workshop_id: string; title: string; summary: string; markdown: string }>(
					`SELECT d.id, d.workshop_id, v.title, v.summary, v.markdown FROM deliverables d
					 JOIN deliverable_versions v ON v.deliverable_id = d.id
					 AND v.version = (SELECT max(version) FROM deliverable_versions WHERE deliverable_id = d.id AND withdrawn_at IS NULL)
					 WHERE d.status != 'withdrawn' AND (@d IS NULL OR d.id = @d) AND (@w IS NULL OR d.workshop_id = @w)`
				)
				.all({ d: filter.deliverableId ?? null, w: filter.workshopId ?? null });
			return rows.flatMap((d) => {
				const found = placement(d.workshop_id);
				if (!found) return [];
				// Readers of a published edition get the citable archive page; members of a draft one, the workshop's page.
				const url =
					found.e.status === 'published' ? `/archive/${found.e.id}/deliverables/${d.id}` : `/editions/${found.e.id}/workshops/${d.workshop_id}/deliverables/${d.id}`;
				return [deliverableDoc({ id: d.id, title: d.title, summary: d.summary, markdown: d.markdown, url }, found.p, rev)];
			});
		}
	};
}
export type SearchSources = ReturnType<typeof createSearchSources>;
