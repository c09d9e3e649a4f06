// Proves a Yjs update applicable before a room stores or relays it: every byte read, roots allowed for the room kind, applied to a scratch Y.Doc.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { collabCloseCodes } from '../shared/errors';
import { PAD_FRAGMENT } from '../shared/pad-schema';
import { isPadLike, type RoomKind } from '../shared/rooms';
import { ProtocolError } from './protocol';

/** An update that cannot be stored: the sender's connection is closed with the « malformed update » code. */
export class MalformedUpdate extends ProtocolError {
	constructor(message: string) {
		super(message, collabCloseCodes.malformedUpdate);
	}
}

/** Yjs type refs (yjs/src/utils/UpdateDecoder typeRefs). */
const TYPE = { array: 0, map: 1, text: 2, xmlElement: 3, xmlFragment: 4, xmlHook: 5, xmlText: 6 } as const;
/** Yjs content refs (yjs/src/structs/Item contentRefs). */
const CONTENT = { gc: 0, deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9, skip: 10 } as const;

/** What an item written straight under a root says about that root: a list entry (with its content) or a map entry. */
type RootEntry = { root: string; mapKey: string | null; content: number; typeRef: number | null };
/** Root names a room kind may hold, and whether each one is a list (and of what) or a map. */
type RootRule = { map: true } | { map: false; allows: (content: number, typeRef: number | null) => boolean };

const anyList: RootRule = { map: false, allows: () => true };
const map: RootRule = { map: true };
/** Tiptap's document: a Y.XmlFragment whose children are elements (paragraphs, headings, lists…) or text. */
const xmlChildren: RootRule = {
	map: false,
	allows: (content, typeRef) => content === CONTENT.deleted || (content === CONTENT.type && (typeRef === TYPE.xmlElement || typeRef === TYPE.xmlText))
};

/**
 * Content a pad may hold anywhere: what Tiptap writes (elements, text, marks, attributes). A map or a plain array
 * inside the document would make every export fail; an item's parent is often implicit, so this is checked on all.
 */
const padContent = (content: number, typeRef: number | null) =>
	content === CONTENT.deleted ||
	content === CONTENT.string ||
	content === CONTENT.format ||
	content === CONTENT.any ||
	(content === CONTENT.type && (typeRef === TYPE.xmlElement || typeRef === TYPE.xmlText));

const rootRules: Record<RoomKind, Record<string, RootRule>> = {
	pad: { [PAD_FRAGMENT]: xmlChildren },
	chat: { messages: anyList, meta: map },
	drive: { files: map, folders: map, meta: map },
	synthesis: { [PAD_FRAGMENT]: xmlChildren }
};

/** Item lengths, as Yjs counts them (a string counts its UTF-16 units). */
function readContent(decoder: Y.UpdateDecoderV1, content: number): { length: number; typeRef: number | null } {
	switch (content) {
		case CONTENT.deleted:
			return { length: decoder.readLen(), typeRef: null };
		case CONTENT.json: {
			const length = decoder.readLen();
			for (let i = 0; i < length; i++) {
				const raw = decoder.readString();
				if (raw !== 'undefined') JSON.parse(raw);
			}
			return { length, typeRef: null };
		}
		case CONTENT.binary:
			decoder.readBuf();
			return { length: 1, typeRef: null };
		case CONTENT.string:
			return { length: decoder.readString().length, typeRef: null };
		case CONTENT.embed:
			decoder.readJSON();
			return { length: 1, typeRef: null };
		case CONTENT.format:
			decoder.readKey();
			decoder.readJSON();
			return { length: 1, typeRef: null };
		case CONTENT.type: {
			const typeRef = decoder.readTypeRef();
			if (typeRef > TYPE.xmlText) throw new MalformedUpdate(`unknown type ${typeRef}`);
			if (typeRef === TYPE.xmlElement || typeRef === TYPE.xmlHook) decoder.readKey();
			return { length: 1, typeRef };
		}
		case CONTENT.any: {
			const length = decoder.readLen();
			for (let i = 0; i < length; i++) decoder.readAny();
			return { length, typeRef: null };
		}
		default:
			// Sub-documents (9) are not used by any room; anything else is not Yjs.
			throw new MalformedUpdate(`content ${content} not accepted`);
	}
}

/** Reads every struct and the delete set (Yjs update format v1) and returns the client ids and what lands under roots. */
function readUpdate(update: Uint8Array, allows: ((content: number, typeRef: number | null) => boolean) | null): { clients: number[]; rootEntries: RootEntry[] } {
	const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update));
	const rest = decoder.restDecoder;
	const clients: number[] = [];
	const rootEntries: RootEntry[] = [];
	const sections = decoding.readVarUint(rest);
	for (let s = 0; s < sections; s++) {
		const count = decoding.readVarUint(rest);
		const client = decoder.readClient();
		decoding.readVarUint(rest); // first clock
		if (clients.includes(client)) throw new MalformedUpdate(`client ${client} appears twice`);
		clients.push(client);
		for (let i = 0; i < count; i++) {
			const info = decoder.readInfo();
			const content = info & 0b11111;
			if (content === CONTENT.gc || content === CONTENT.skip) {
				if (decoding.readVarUint(rest) === 0) throw new MalformedUpdate('empty struct');
				continue;
			}
			const hasOrigin = (info & 0x80) !== 0;
			const hasRightOrigin = (info & 0x40) !== 0;
			if (hasOrigin) decoder.readLeftID();
			if (hasRightOrigin) decoder.readRightID();
			let root: string | null = null;
			let mapKey: string | null = null;
			if (!hasOrigin && !hasRightOrigin) {
				if (decoder.readParentInfo()) root = decoder.readString();
				else decoder.readLeftID();
				if ((info & 0x20) !== 0) mapKey = decoder.readString();
			}
			const { length, typeRef } = readContent(decoder, content);
			if (length === 0) throw new MalformedUpdate('empty struct');
			if (allows && !allows(content, typeRef)) throw new MalformedUpdate(`content ${content}${typeRef === null ? '' : `/${typeRef}`} is not pad content`);
			if (root !== null) rootEntries.push({ root, mapKey, content, typeRef });
		}
	}
	const deleteClients = decoding.readVarUint(rest);
	for (let c = 0; c < deleteClients; c++) {
		decoder.resetDsCurVal();
		decoding.readVarUint(rest); // client
		const ranges = decoding.readVarUint(rest);
		for (let r = 0; r < ranges; r++) {
			decoder.readDsClock();
			if (decoder.readDsLen() === 0) throw new MalformedUpdate('empty deletion');
		}
	}
	if (decoding.hasContent(rest)) throw new MalformedUpdate(`${update.length - rest.pos} bytes after the end of the update`);
	return { clients, rootEntries };
}

function checkRoots(kind: RoomKind, entries: RootEntry[]): void {
	const rules = rootRules[kind];
	for (const { root, mapKey, content, typeRef } of entries) {
		const rule = Object.hasOwn(rules, root) ? rules[root]! : null;
		if (!rule) throw new MalformedUpdate(`no shared type « ${root.slice(0, 40)} » in a ${kind} room`);
		if (rule.map !== (mapKey !== null)) throw new MalformedUpdate(`« ${root.slice(0, 40)} » is a ${rule.map ? 'map' : 'list'} in a ${kind} room`);
		if (!rule.map && !rule.allows(content, typeRef)) throw new MalformedUpdate(`this content cannot go in « ${root.slice(0, 40)} »`);
	}
}

/**
 * Throws MalformedUpdate unless the update reads to its last byte, only writes the room kind's own shared types (when given),
 * and applies to an empty Y.Doc. Returns the Yjs client ids it carries structs for.
 * Items placed after an existing item (most of them) take their parent from it: the roots they reach were checked
 * when those items came in.
 */
export function checkUpdate(kind: RoomKind | null, update: Uint8Array): number[] {
	let read: ReturnType<typeof readUpdate>;
	try {
		read = readUpdate(update, kind && isPadLike(kind) ? padContent : null);
	} catch (e) {
		if (e instanceof MalformedUpdate) throw e;
		throw new MalformedUpdate(`unreadable update: ${(e as Error).message}`);
	}
	// Stored rows are checked without the root rules (kind null): older rows may hold other types, harmless to merge.
	if (kind) checkRoots(kind, read.rootEntries);
	// Yjs's own reading, on nothing: what needs content the room has is kept pending, the rest is integrated. On an
	// empty document only an item placed directly under a root can integrate (every other one waits for its origin or
	// parent), so an update with none of those (a keystroke, most edits) would only be read again: readUpdate did that.
	if (read.rootEntries.length === 0) return read.clients;
	const scratch = new Y.Doc({ gc: false, guid: 'scratch' }); // a fixed guid: generating one costs more than the check
	try {
		Y.applyUpdate(scratch, update);
	} catch (e) {
		throw new MalformedUpdate(`update does not apply: ${(e as Error).message}`);
	} finally {
		scratch.destroy();
	}
	return read.clients;
}

/** The reading alone (every byte, no root rules, no Yjs apply): a few microseconds, for screening many stored rows. */
export function readsToTheEnd(update: Uint8Array): boolean {
	try {
		readUpdate(update, null);
		return true;
	} catch {
		return false;
	}
}
