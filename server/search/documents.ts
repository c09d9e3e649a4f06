// Search documents built from plain data (pure): pads cut into sections at headings, chat messages, files, workshops, editions.
import type { SearchHitType } from '../shared/search';
import { sectionAnchor } from '../shared/section-anchors';
import { markdownToText } from './extract/formats';
import { PERSON_NODE } from '../shared/pad-schema';

/**
 * Who may see a document: `edition` = every reader of the edition; `workshop` = the workshop's participants and the
 * edition's staff, then every reader once the workshop is closed; `chat` = the same, but only if the edition opened its chat;
 * `proceedings` = those who write the edition's proceedings (a synthesis being written).
 */
export type DocAccess = 'edition' | 'workshop' | 'chat' | 'proceedings';

export type SearchDoc = {
	id: string;
	type: SearchHitType;
	title: string;
	/** Where the text sits: the pad's title for a section, the workshop's title for a message or a file. */
	parent: string;
	text: string;
	editionId: string;
	workshopId: string | null;
	padId: string | null;
	/** The section's anchor in its pad (`h3-produire-des-communs`), '' for the text before the first heading. */
	anchor: string | null;
	themes: string[];
	themeNames: string[];
	track: string | null;
	format: string | null;
	licence: string;
	year: number;
	/** Unix ms: when it was said (workshop start, message time, upload time). */
	date: number;
	room: string | null;
	access: DocAccess;
	/** Unix ms from which a closed workshop's content opens to every reader of the edition. */
	closedFrom: number;
	url: string;
	/** Which indexing pass wrote it: older passes' leftovers are deleted by this number. */
	rev: number;
};

/** Facts about the workshop (or the edition alone) that every document under it carries. */
export type Placement = Pick<SearchDoc, 'editionId' | 'workshopId' | 'track' | 'format' | 'licence' | 'year' | 'date' | 'room' | 'closedFrom'> & {
	workshopTitle: string | null;
	themes: { key: string; names: string[] }[];
};

/** Far below Meilisearch's 65,535 indexed words per field, and small enough for a precise snippet. */
export const SECTION_MAX_WORDS = 1500;
export const NEVER = 9e15;

type PmNode = { type: string; attrs?: Record<string, unknown>; content?: PmNode[]; text?: string };

/** What every document takes from where it sits; pad sections, messages and files then give their own anchor or date. */
function common(p: Placement, rev: number) {
	return {
		editionId: p.editionId,
		workshopId: p.workshopId,
		themes: p.themes.map((t) => t.key),
		themeNames: [...new Set(p.themes.flatMap((t) => t.names))],
		track: p.track,
		format: p.format,
		licence: p.licence,
		year: p.year,
		room: p.room,
		closedFrom: p.closedFrom,
		padId: null,
		anchor: null,
		date: p.date,
		rev
	};
}

/** The search page turns two control characters into <mark>: no stored text may hold them. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');

/** Plain text of a node, blocks on their own lines. */
export function nodeText(node: PmNode): string {
	if (node.type === 'text') return clean(node.text ?? '');
	if (node.type === 'hardBreak') return '\n';
	if (node.type === PERSON_NODE) return clean(typeof node.attrs?.name === 'string' ? node.attrs.name : '');
	const parts = (node.content ?? []).map(nodeText);
	const inline = node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock';
	return inline ? parts.join('') : parts.filter((s) => s.trim() !== '').join('\n');
}

/** Cuts text into pieces of at most `maxWords` words, at paragraph breaks when it can. */
export function splitWords(text: string, maxWords = SECTION_MAX_WORDS): string[] {
	const pieces: string[] = [];
	let current: string[] = [];
	let count = 0;
	const push = () => {
		if (current.length) pieces.push(current.join('\n'));
		current = [];
		count = 0;
	};
	for (const paragraph of text.split('\n')) {
		const words = paragraph.split(/\s+/).filter(Boolean);
		if (words.length === 0) continue;
		if (count + words.length > maxWords) push();
		for (let i = 0; i < words.length; i += maxWords) {
			const slice = words.slice(i, i + maxWords);
			if (slice.length === maxWords) {
				push();
				pieces.push(slice.join(' '));
			} else {
				current.push(slice.join(' '));
				count += slice.length;
			}
		}
	}
	push();
	return pieces.length ? pieces : [''];
}

export type PadSection = { anchor: string; heading: string | null; text: string };

/** The pad's top-level blocks grouped under their heading; the text before the first heading is section ''. */
export function padSections(doc: { content?: unknown[] }): PadSection[] {
	const sections: PadSection[] = [];
	let current: PadSection = { anchor: '', heading: null, text: '' };
	let headings = 0;
	for (const raw of (doc.content ?? []) as PmNode[]) {
		if (raw.type === 'heading') {
			if (current.heading !== null || current.text.trim() !== '') sections.push(current);
			const heading = nodeText(raw).trim();
			headings += 1;
			current = { anchor: sectionAnchor(headings, heading), heading, text: '' };
		} else {
			const text = nodeText(raw);
			if (text.trim() !== '') current.text += (current.text ? '\n' : '') + text;
		}
	}
	if (current.heading !== null || current.text.trim() !== '') sections.push(current);
	return sections;
}

export function padDocs(pad: { id: string; title: string; date: number }, content: { content?: unknown[] }, p: Placement, rev: number): SearchDoc[] {
	const base = `/editions/${p.editionId}/workshops/${p.workshopId}/pads/${pad.id}`;
	const docs: SearchDoc[] = [];
	padSections(content).forEach((section, s) => {
		splitWords(section.text).forEach((text, part) => {
			if (text === '' && section.heading === null) return;
			docs.push({
				...common(p, rev),
				id: `pad-${pad.id}-${s}-${part}`,
				type: 'pad',
				title: section.heading || pad.title,
				parent: pad.title,
				text,
				padId: pad.id,
				anchor: section.anchor,
				date: pad.date,
				access: 'workshop',
				url: section.anchor ? `${base}#${section.anchor}` : base
			});
		});
	});
	// An empty pad is still found by its title.
	if (docs.length === 0) {
		docs.push({ ...common(p, rev), id: `pad-${pad.id}-0-0`, type: 'pad', title: pad.title, parent: p.workshopTitle ?? '', text: '', padId: pad.id, anchor: '', date: pad.date, access: 'workshop', url: base });
	}
	return docs;
}

export type ChatMessageInput = { id: string; authorName: string; text: string; at: number };

export function chatDoc(message: ChatMessageInput, p: Placement, rev: number): SearchDoc {
	return {
		...common(p, rev),
		id: `chat-${p.workshopId}-${message.id}`,
		type: 'chat',
		title: clean(message.authorName),
		parent: p.workshopTitle ?? '',
		text: clean(message.text),
		date: message.at,
		access: 'chat',
		url: `/editions/${p.editionId}/workshops/${p.workshopId}/chat#msg-${message.id}`
	};
}

export type FileInput = { id: string; name: string; kind: string; mime: string; uploadedAt: string; text: string; note: string | null; transcript: string | null };

export function fileDoc(file: FileInput, p: Placement, rev: number): SearchDoc {
	const text = clean([file.text, file.transcript ?? '', file.note ?? ''].filter((s) => s.trim() !== '').join('\n'));
	return {
		...common(p, rev),
		id: `file-${file.id}`,
		type: 'file',
		title: clean(file.name),
		parent: p.workshopTitle ?? '',
		text: splitWords(text, SECTION_MAX_WORDS * 20)[0]!,
		date: Date.parse(file.uploadedAt) || p.date,
		access: 'workshop',
		url: `/files/${file.id}`
	};
}

export function workshopDoc(w: { id: string; title: string; description: string; speakers: string }, p: Placement, rev: number): SearchDoc {
	return {
		...common(p, rev),
		id: `workshop-${w.id}`,
		type: 'workshop',
		title: w.title,
		parent: p.themes.map((t) => t.names[0]).join(' '),
		text: [w.description, w.speakers].filter(Boolean).join('\n'),
		access: 'edition',
		url: `/editions/${p.editionId}/workshops/${w.id}`
	};
}

export function editionDoc(e: { id: string; title: string; description: string; city: string; venue: string }, p: Placement, rev: number): SearchDoc {
	return {
		...common(p, rev),
		id: `edition-${e.id}`,
		type: 'edition',
		title: e.title,
		parent: [e.city, e.venue].filter(Boolean).join(', '),
		text: e.description,
		access: 'edition',
		url: `/editions/${e.id}`
	};
}

export function deliverableDoc(d: { id: string; title: string; summary: string; markdown: string; url: string }, p: Placement, rev: number): SearchDoc {
	return {
		...common(p, rev),
		id: `deliverable-${d.id}`,
		type: 'deliverable',
		title: d.title,
		parent: p.workshopTitle ?? '',
		text: splitWords(clean([d.summary, d.markdown].join('\n')).split('\n').filter(Boolean).join('\n'), SECTION_MAX_WORDS * 20)[0]!,
		access: 'edition',
		url: d.url
	};
}

/** A quoted passage as a synthesis shows it: the words and where they come from. */
export type QuotedPassage = { sourceTitle: string; quotedText: string };

/**
 * A synthesis: its text with each citation line replaced by the passage and its source, so that searching for a
 * source (its title or its words) finds the syntheses quoting it. `live`: the one being written (its editors only),
 * else the version published in the proceedings (every reader of the edition).
 */
export function synthesisDoc(
	s: { id: string; title: string; themeLabel: string; markdown: string; quotes: Map<string, QuotedPassage>; url: string; live: boolean },
	p: Placement,
	rev: number
): SearchDoc {
	const cited = new Set<string>();
	const lines = s.markdown.split('\n').map((line) => {
		const id = /^\\?\[\\?\[cite:([A-Za-z0-9]+)\\?\]\\?\]\s*$/.exec(line.trim())?.[1];
		const quote = id ? s.quotes.get(id) : undefined;
		if (!id) return line;
		if (!quote) return '';
		cited.add(quote.sourceTitle);
		return `« ${quote.quotedText} » — ${quote.sourceTitle}`;
	});
	const theme = s.themeLabel.startsWith('#') ? s.themeLabel : `#${s.themeLabel}`;
	return {
		...common(p, rev),
		id: `synthesis-${s.live ? 'live' : 'published'}-${s.id}`,
		type: 'synthesis',
		title: clean(s.title),
		parent: [theme, ...cited].join(' · '),
		// Written in Markdown: indexed and shown as its words, without « ## » or « ** ».
		text: splitWords(clean(markdownToText(lines.join('\n'))).split('\n').filter((l) => l.trim() !== '').join('\n'), SECTION_MAX_WORDS * 20)[0]!,
		access: s.live ? 'proceedings' : 'edition',
		url: s.url
	};
}
