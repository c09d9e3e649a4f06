import { describe, expect, it } from 'vitest';
import type { PmNode } from '../../../server/domain/pads/pad-html';
import { renderPadMarkdown } from '../../../server/domain/pads/pad-markdown';

const text = (t: string, marks: PmNode['marks'] = []): PmNode => ({ type: 'text', text: t, marks });
const p = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content });
const item = (type: string, content: PmNode[], attrs?: Record<string, unknown>): PmNode => ({ type, content, attrs });

describe('pad Markdown', () => {
	it('writes headings, marks, links and images', () => {
		const md = renderPadMarkdown(
			doc(
				{ type: 'heading', attrs: { level: 2 }, content: [text('Points de convergence')] },
				p(
					text('Un '),
					text('commun', [{ type: 'bold' }]),
					text(' bien ', [{ type: 'bold' }, { type: 'italic' }]),
					text('géré', [{ type: 'italic' }, { type: 'bold' }]),
					text(', '),
					text('ancien', [{ type: 'strike' }]),
					text(' et '),
					text('souligné', [{ type: 'underline' }]),
					text(' voir '),
					text('le site', [{ type: 'link', attrs: { href: 'https://example.org/a b' } }]),
					text(' ou '),
					text('npm `run`', [{ type: 'code' }]),
					text(' ou '),
					text('piège', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])
				),
				{ type: 'image', attrs: { src: '/files/abc', alt: 'Photo [1]' } },
				p(text('ligne 1'), { type: 'hardBreak' }, text('ligne 2')),
				{ type: 'horizontalRule' }
			)
		);
		expect(md).toBe(
			[
				'## Points de convergence',
				'',
				'Un **commun _bien géré_**, ~~ancien~~ et <u>souligné</u> voir [le site](<https://example.org/a b>) ou `` npm `run` `` ou piège',
				'',
				'![Photo \\[1\\]](/files/abc)',
				'',
				'ligne 1\\',
				'ligne 2',
				'',
				'---',
				''
			].join('\n')
		);
	});

	it('writes nested, ordered and task lists, quotes and code blocks', () => {
		const md = renderPadMarkdown(
			doc(
				item('bulletList', [
					item('listItem', [p(text('Identifier')), item('bulletList', [item('listItem', [p(text('les ressources'))])])]),
					item('listItem', [p(text('Produire')), p(text('second paragraphe'))])
				]),
				item('orderedList', [item('listItem', [p(text('trois'))]), item('listItem', [p(text('quatre'))])], { start: 3 }),
				item('taskList', [item('taskItem', [p(text('fait'))], { checked: true }), item('taskItem', [p(text('à faire'))], { checked: false })]),
				item('blockquote', [p(text('citation')), p(text('suite'))]),
				{ type: 'codeBlock', attrs: { language: 'js' }, content: [text('const a = 1;\n```')] }
			)
		);
		expect(md).toBe(
			[
				'- Identifier',
				'  - les ressources',
				'- Produire',
				'',
				'  second paragraphe',
				'',
				'3. trois',
				'4. quatre',
				'',
				'- [x] fait',
				'- [ ] à faire',
				'',
				'> citation',
				'>',
				'> suite',
				'',
				'````js',
				'const a = 1;',
				'```',
				'````',
				''
			].join('\n')
		);
	});

	it('writes GitHub tables with the first row as header', () => {
		const cell = (type: string, t: string) => item(type, [p(text(t))]);
		const md = renderPadMarkdown(
			doc(
				item('table', [
					item('tableRow', [cell('tableHeader', 'Besoin'), cell('tableHeader', 'Outil')]),
					item('tableRow', [cell('tableCell', 'a | b'), item('tableCell', [p(text('x')), p(text('y'))])])
				])
			)
		);
		expect(md).toBe('| Besoin | Outil |\n| --- | --- |\n| a \\| b | x<br>y |\n');
	});

	it('escapes text that would read as Markdown syntax', () => {
		expect(renderPadMarkdown(doc(p(text('# pas un titre')), p(text('1. pas une liste')), p(text('*étoiles* et _tirets_ [lien] <b> &amp;')), p(text('- tiret'))))).toBe(
			'\\# pas un titre\n\n1\\. pas une liste\n\n\\*étoiles\\* et \\_tirets\\_ \\[lien\\] \\<b\\> \\&amp;\n\n\\- tiret\n'
		);
		expect(renderPadMarkdown(doc())).toBe('');
	});
});
