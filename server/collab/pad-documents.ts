// Server-side changes to pad documents (templates, restores) and their history, applied through the rooms.
import { prosemirrorJSONToYDoc, prosemirrorToYXmlFragment, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { Node as PmNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { templateDocument } from '../domain/pads/templates';
import { AppError } from '../shared/errors';
import { PAD_FRAGMENT, padSchema } from '../shared/pad-schema';
import type { DocStore } from './doc-store';
import type { Rooms } from './rooms';

import type { LiveDocuments, PadJson, PadVersion } from '../domain/ports';

export type { PadJson, PadVersion } from '../domain/ports';


/** Resolves a template key for a pad (an edition's kit may set its own); the built-in templates when not given. */
export type PadTemplateSource = (padId: string, key: string) => PadJson | null;

/** `kind`: syntheses are written like pads, in rooms of their own kind (`synthesis:<id>`). */
export function createPadDocuments(deps: { rooms: Rooms; store: DocStore; templates?: PadTemplateSource; kind?: 'pad' | 'synthesis' }): LiveDocuments {
	const schema = padSchema();
	const roomOf = (padId: string) => `${deps.kind ?? 'pad'}:${padId}`;

	function docFrom(update: Uint8Array): Y.Doc {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, update);
		return doc;
	}

	function versionContent(padId: string, versionId: number): PadJson {
		const data = deps.store.versionData(roomOf(padId), versionId);
		if (!data) throw new AppError('not_found', 'error.version.notFound');
		return yDocToProsemirrorJSON(docFrom(data), PAD_FRAGMENT) as PadJson;
	}

	/** The whole content replaced by `json`: a change by `authorId` like any other, the history keeping what was there. */
	function replaceContent(padId: string, json: PadJson, authorId: string | null): void {
		deps.rooms.withRoom(roomOf(padId), (room) => {
			const doc = docFrom(room.state());
			const before = Y.encodeStateVector(doc);
			const fragment = doc.getXmlFragment(PAD_FRAGMENT);
			doc.transact(() => {
				fragment.delete(0, fragment.length);
				prosemirrorToYXmlFragment(PmNode.fromJSON(schema, json), fragment);
			});
			room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), authorId);
		});
	}

	return {
		/** Writes a template into a new, empty pad, credited to whoever created the pad. */
		applyTemplate(padId: string, templateKey: string, authorId: string | null): void {
			const json = deps.templates ? deps.templates(padId, templateKey) : templateDocument(templateKey);
			if (!json) return;
			const update = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema, json, PAD_FRAGMENT));
			deps.rooms.withRoom(roomOf(padId), (room) => room.applyServerUpdate(update, authorId));
		},

		/** Saved versions, newest first, and who wrote since the last one. */
		history(padId: string): { versions: PadVersion[]; unsavedAuthorIds: string[] } {
			deps.store.flush();
			const versions = deps.store.listVersions(roomOf(padId)).map((v) => ({
				id: v.id,
				createdAt: v.created_at,
				authorIds: JSON.parse(v.authors) as string[],
				reason: v.reason
			}));
			return { versions, unsavedAuthorIds: deps.store.pendingAuthors(roomOf(padId)) };
		},

		saveVersion(padId: string): number | null {
			return deps.rooms.withRoom(roomOf(padId), (room) => (room.hasUnversionedUpdates() ? room.saveVersion('manual') : null));
		},

		versionContent,

		/** Appends blocks at the end of the document, through its room so connected editors see them at once. */
		appendContent(padId: string, json: PadJson, authorId: string | null): void {
			const blocks = PmNode.fromJSON(schema, json);
			deps.rooms.withRoom(roomOf(padId), (room) => {
				const doc = docFrom(room.state());
				const before = Y.encodeStateVector(doc);
				const scratch = new Y.Doc();
				prosemirrorToYXmlFragment(blocks, scratch.getXmlFragment(PAD_FRAGMENT));
				const fragment = doc.getXmlFragment(PAD_FRAGMENT);
				doc.transact(() => {
					fragment.insert(fragment.length, scratch.getXmlFragment(PAD_FRAGMENT).toArray().map((n) => n.clone() as Y.XmlElement));
				});
				room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), authorId);
			});
		},

		currentContent(padId: string): PadJson {
			return deps.rooms.withRoom(roomOf(padId), (room) => yDocToProsemirrorJSON(docFrom(room.state()), PAD_FRAGMENT) as PadJson);
		},

		/** Restoring is a new change by the person restoring: the current content is replaced, history keeps everything. */
		restoreVersion(padId: string, versionId: number, authorId: string | null): void {
			replaceContent(padId, versionContent(padId, versionId), authorId);
		},

		replaceContent
	};
}
export type PadDocuments = ReturnType<typeof createPadDocuments>;
