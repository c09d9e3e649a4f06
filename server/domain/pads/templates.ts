// Documentation templates facilitators start a pad from: one per session format, sections as headings with a prompt.
import { marked, type Token, type Tokens } from 'marked';
import type { WorkshopFormat } from '../../shared/vocabulary';

export type PadTemplate = { key: string; sections: { heading: string; prompt: string }[] };

const section = (heading: string, prompt: string) => ({ heading, prompt });

export const padTemplates: PadTemplate[] = [
	{
		key: 'atelier-contributif',
		sections: [
			section('Contexte', 'Le sujet de l’atelier, la question posée, pourquoi elle compte aujourd’hui.'),
			section('Participants', 'Qui est là : structures, territoires, métiers (sans données personnelles sans accord).'),
			section('Points de convergence', 'Ce sur quoi le groupe s’accorde.'),
			section('Points de divergence', 'Les désaccords, et les raisons de chacun.'),
			section('Initiatives citées', 'Projets de collectivités ou d’associations évoqués, avec un lien si possible.'),
			section('Réponses aux questions opérationnelles', '« Comment faire concrètement ? » : les réponses trouvées ensemble.'),
			section('En savoir +', 'Liens, documents, ressources à partager.'),
			section('Livrables', 'Ce que l’atelier produit : grille, liste, fiche, panorama…'),
			section('Prochaines étapes', 'Qui fait quoi, et quand.')
		]
	},
	{
		key: 'regards-croises',
		sections: [
			section('Intervenant·es et points de vue', 'Qui parle, d’où, et avec quel regard.'),
			section('Questions posées', 'Les questions de l’animation et de la salle.'),
			section('Points de convergence', 'Là où les regards se rejoignent.'),
			section('Points de divergence', 'Là où ils s’opposent, et pourquoi.'),
			section('Ce que retient la salle', 'Les idées à emporter.'),
			section('En savoir +', 'Liens et ressources citées.')
		]
	},
	{
		key: 'scene-ouverte',
		sections: [
			section('Initiatives présentées', 'Pour chacune : nom, territoire, porteur, en une phrase.'),
			section('Ce qui peut être repris ailleurs', 'Les idées transposables dans d’autres territoires.'),
			section('Contacts et liens', 'Sites, documents, contacts publics des porteurs.')
		]
	},
	{
		key: 'masterclass',
		sections: [
			section('Objectifs d’apprentissage', 'À la fin de la séance, les participants sauront…'),
			section('Notions clés', 'Les définitions et repères essentiels.'),
			section('Exemples', 'Cas concrets présentés.'),
			section('Questions de la salle', 'Les questions et leurs réponses.'),
			section('Ressources', 'Pour aller plus loin.'),
			section('Ce que je retiens', 'Trois idées à garder.')
		]
	},
	{
		key: 'notes',
		sections: [
			section('Contexte', 'De quoi parle-t-on ?'),
			section('Notes', 'Ce qui se dit, au fil de la séance.'),
			section('Idées et décisions', 'Ce qui ressort.'),
			section('En savoir +', 'Liens et ressources.'),
			section('Prochaines étapes', 'Qui fait quoi, et quand.')
		]
	}
];

export const templateKeys = ['blank', ...padTemplates.map((t) => t.key)] as const;

/** The template a workshop's format suggests by default. */
export function defaultTemplateFor(format: WorkshopFormat): string {
	return padTemplates.some((t) => t.key === format) ? format : 'notes';
}

/** A template as a ProseMirror document (the pad schema): per section, a level-2 heading and an empty paragraph carrying its prompt. */
export function templateDocument(key: string): { type: 'doc'; content: unknown[] } | null {
	const template = padTemplates.find((t) => t.key === key);
	if (!template) return null;
	return {
		type: 'doc',
		content: template.sections.flatMap((s) => [
			{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: s.heading }] },
			{ type: 'paragraph', attrs: { prompt: s.prompt } }
		])
	};
}

type PmNode = { type: string; attrs?: Record<string, unknown>; content?: PmNode[]; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };
type Mark = NonNullable<PmNode['marks']>[number];

/** Inline Markdown to text nodes with marks; anything fancier (images, raw HTML) keeps only its text. */
function inline(tokens: Token[] | undefined, marks: Mark[]): PmNode[] {
	const out: PmNode[] = [];
	for (const token of tokens ?? []) {
		if (token.type === 'strong') out.push(...inline((token as Tokens.Strong).tokens, [...marks, { type: 'bold' }]));
		else if (token.type === 'em') out.push(...inline((token as Tokens.Em).tokens, [...marks, { type: 'italic' }]));
		else if (token.type === 'codespan') out.push(...text((token as Tokens.Codespan).text, [...marks, { type: 'code' }]));
		else if (token.type === 'link') {
			const link = token as Tokens.Link;
			// Web and mail addresses, and paths on this instance (« /archive »); never another scheme (javascript:, data:).
			const safe = /^(https?:|mailto:)|^\/(?!\/)/i.test(link.href) ? [...marks, { type: 'link', attrs: { href: link.href } }] : marks;
			out.push(...inline(link.tokens, safe));
		} else if (token.type === 'br') out.push({ type: 'hardBreak' });
		else if ('tokens' in token && token.tokens) out.push(...inline(token.tokens, marks));
		else if ('text' in token) out.push(...text(String(token.text), marks));
	}
	return out;
}
const text = (value: string, marks: Mark[]): PmNode[] => (value ? [{ type: 'text', text: value, ...(marks.length ? { marks } : {}) }] : []);
const paragraph = (tokens: Token[] | undefined): PmNode => {
	const content = inline(tokens, []);
	return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
};
/** Guidance is plain words in an attribute: its Markdown emphasis or links have nothing to carry over. */
const promptParagraph = (tokens: Token[] | undefined): PmNode => {
	const prompt = inline(tokens, [])
		.map((n) => (n.type === 'hardBreak' ? ' ' : (n.text ?? '')))
		.join('')
		.trim();
	return prompt ? { type: 'paragraph', attrs: { prompt } } : { type: 'paragraph' };
};

/** A Markdown table as a pad table, its first row as headers. */
function table(token: Tokens.Table): PmNode {
	const cell = (type: string, c: Tokens.TableCell): PmNode => ({ type, content: [paragraph(c.tokens)] });
	return {
		type: 'table',
		content: [{ type: 'tableRow', content: token.header.map((c) => cell('tableHeader', c)) }, ...token.rows.map((row) => ({ type: 'tableRow', content: row.map((c) => cell('tableCell', c)) }))]
	};
}

/** `whole`: a text to keep entire (a synthesis written in Markdown), not a template: every block's text stays. */
function blocks(tokens: Token[], prompt: boolean, whole = false): PmNode[] {
	const out: PmNode[] = [];
	for (const token of tokens) {
		if (token.type === 'heading') {
			const heading = token as Tokens.Heading;
			// The pad has its own title: a kit template's level-1 title is not repeated inside it.
			if (heading.depth > 1 || whole) out.push({ type: 'heading', attrs: { level: Math.min(heading.depth, 3) }, content: inline(heading.tokens, []) });
		} else if (token.type === 'paragraph' || token.type === 'text') {
			const tokens = (token as Tokens.Paragraph).tokens;
			out.push(prompt ? promptParagraph(tokens) : paragraph(tokens));
		}
		else if (token.type === 'blockquote') out.push({ type: 'blockquote', content: blocks((token as Tokens.Blockquote).tokens, false, whole) });
		else if (token.type === 'list') {
			const list = token as Tokens.List;
			out.push({
				type: list.ordered ? 'orderedList' : 'bulletList',
				content: list.items.map((item) => ({ type: 'listItem', content: blocks(item.tokens, prompt, whole) }))
			});
		} else if (token.type === 'code') out.push({ type: 'codeBlock', content: text((token as Tokens.Code).text, []) });
		else if (whole && token.type === 'hr') out.push({ type: 'horizontalRule' });
		else if (whole && token.type === 'table') out.push(table(token as Tokens.Table));
		// Tables, raw HTML and the rest keep their Markdown source as a paragraph: nothing written is dropped.
		else if (whole && token.type !== 'space' && token.raw.trim() !== '') out.push({ type: 'paragraph', content: text(token.raw.trim(), []) });
	}
	return out;
}

/**
 * A kit's Markdown template as a pad document: `## Heading` per section, each guiding paragraph under it becomes an
 * empty paragraph carrying that prompt (as in the built-in templates), the facilitator's note (`> …`) stays a quote.
 */
export function markdownTemplateDocument(markdown: string): { type: 'doc'; content: unknown[] } {
	const content = blocks(marked.lexer(markdown), true);
	return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

/** Any Markdown text as a pad document, every block's text kept (headings of every level, tables as their source). */
export function markdownDocument(markdown: string): { type: 'doc'; content: unknown[] } {
	const content = blocks(marked.lexer(markdown), false, true);
	return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

/** A built-in template written in the kit's Markdown template format (used when an edition exports its kit). */
export function templateMarkdown(key: string): string | null {
	const template = padTemplates.find((t) => t.key === key);
	if (!template) return null;
	return template.sections.map((s) => `## ${s.heading}\n\n${s.prompt}\n`).join('\n');
}
