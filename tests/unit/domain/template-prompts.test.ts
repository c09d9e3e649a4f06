import { EditorState, TextSelection } from '@tiptap/pm/state';
import { Node as PmNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { renderPadHtml, type PmNode as PadJson } from '../../../server/domain/pads/pad-html';
import { renderPadMarkdown } from '../../../server/domain/pads/pad-markdown';
import { withoutTemplatePrompts } from '../../../server/domain/pads/template-prompts';
import { markdownTemplateDocument, padTemplates, templateDocument } from '../../../server/domain/pads/templates';
import { PAD_FRAGMENT, padSchema } from '../../../server/shared/pad-schema';
import { padSections } from '../../../server/search/documents';

const template = padTemplates.find((t) => t.key === 'atelier-contributif')!;
const prompts = template.sections.map((s) => s.prompt);
const doc = () => templateDocument('atelier-contributif') as PadJson;

/** Types `text` with the caret at the start of the paragraph under the section's heading, as a keyboard would. */
function typeUnder(json: PadJson, headingText: string, text: string): PadJson {
	const schema = padSchema();
	const start = PmNode.fromJSON(schema, json);
	let at = -1;
	start.forEach((node, offset) => {
		if (node.type.name === 'heading' && node.textContent === headingText) at = offset + node.nodeSize + 1;
	});
	const state = EditorState.create({ doc: start, selection: TextSelection.create(start, at) });
	// The paragraph's end: where the caret sits after clicking into a prompt line.
	const end = state.doc.resolve(at).end();
	const tr = state.tr.setSelection(TextSelection.create(state.doc, end)).insertText(text);
	return tr.doc.toJSON() as PadJson;
}

const textNodesUnder = (json: PadJson, index: number) => json.content![index]!.content ?? [];

describe('template prompts', () => {
	it('are an attribute of an empty paragraph, not text', () => {
		const content = doc().content!;
		expect(content[1]).toEqual({ type: 'paragraph', attrs: { prompt: prompts[0] } });
		expect(JSON.stringify(content)).not.toContain('italic');
	});

	it('never reach exports, history views or search', () => {
		const markdown = renderPadMarkdown(doc());
		const html = renderPadHtml(doc());
		const sections = padSections(doc());
		for (const prompt of prompts) {
			expect(markdown).not.toContain(prompt);
			expect(html).not.toContain(prompt);
			expect(JSON.stringify(sections)).not.toContain(prompt);
		}
		expect(markdown).toContain('## Points de divergence');
		expect(sections.map((s) => s.heading)).toContain('Points de divergence');
	});

	it('do not make what people type italic', () => {
		const typed = typeUnder(doc(), 'Contexte', 'Le numérique responsable');
		expect(textNodesUnder(typed, 1)).toEqual([{ type: 'text', text: 'Le numérique responsable' }]);
		expect(renderPadMarkdown(typed)).toContain('## Contexte\n\nLe numérique responsable\n');
		// The old shape, an italic prompt as text, passed its italic on: what this change is about.
		const legacy = { ...doc(), content: doc().content!.map((n) => (n.attrs?.prompt ? { type: 'paragraph', content: [{ type: 'text', text: String(n.attrs.prompt), marks: [{ type: 'italic' }] }] } : n)) };
		expect(textNodesUnder(typeUnder(legacy, 'Contexte', ' et ensuite'), 1)[0]!.marks).toEqual([{ type: 'italic' }]);
	});

	it('survive the real-time document, where the editor reads them', () => {
		const ydoc = prosemirrorJSONToYDoc(padSchema(), doc(), PAD_FRAGMENT);
		const back = yDocToProsemirrorJSON(ydoc, PAD_FRAGMENT) as PadJson;
		expect(back.content![1]!.attrs?.prompt).toBe(prompts[0]);
		expect(back.content![1]!.content ?? []).toEqual([]);
	});

	it('of kit templates become plain-text attributes too', () => {
		const kit = markdownTemplateDocument('## Liens\n\nVoir [le site](https://lamednum.coop), **surtout**.\n');
		expect(kit.content).toEqual([
			{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Liens' }] },
			{ type: 'paragraph', attrs: { prompt: 'Voir le site, surtout.' } }
		]);
	});

	it('written as italic text by older versions are left out of exports and search; what people wrote stays', () => {
		const italic = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'italic' }] }] });
		const heading = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
		const old: PadJson = {
			type: 'doc',
			content: [heading('Contexte'), italic(prompts[0]!), heading('Participants'), italic(`${prompts[1]} Et nous tous`), heading('Citation'), italic('Une phrase en italique')]
		};
		const cleaned = withoutTemplatePrompts(old);
		expect(cleaned.content).toHaveLength(5);
		expect(renderPadMarkdown(old)).not.toContain(prompts[0]);
		expect(renderPadMarkdown(old)).toContain('Et nous tous');
		expect(renderPadHtml(old)).toContain('<em>Une phrase en italique</em>');
		expect(JSON.stringify(padSections(cleaned))).not.toContain(prompts[0]);
		// New documents have nothing to leave out and come back as they are.
		const fresh = doc();
		expect(withoutTemplatePrompts(fresh)).toBe(fresh);
	});
});
