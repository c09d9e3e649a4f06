import { describe, expect, it } from 'vitest';
import { renderPadHtml } from '../../../server/domain/pads/pad-html';
import { templateDocument } from '../../../server/domain/pads/templates';

describe('renderPadHtml', () => {
	it('renders headings, marks, lists, tasks and tables as semantic HTML', () => {
		const html = renderPadHtml({
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Contexte' }] },
				{ type: 'paragraph', content: [{ type: 'text', text: 'gras', marks: [{ type: 'bold' }] }, { type: 'text', text: ' et lien', marks: [{ type: 'link', attrs: { href: 'https://lamednum.coop' } }] }] },
				{ type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fait' }] }] }] },
				{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Besoin' }] }] }] }] }
			]
		});
		expect(html).toBe(
			'<h2>Contexte</h2><p><strong>gras</strong><a href="https://lamednum.coop" rel="noopener nofollow"> et lien</a></p>' +
				'<ul class="task-list"><li><input type="checkbox" disabled checked aria-label="☑"> <p>fait</p></li></ul>' +
				'<table><tbody><tr><th><p>Besoin</p></th></tr></tbody></table>'
		);
	});

	it('escapes text and drops script URLs', () => {
		const html = renderPadHtml({
			type: 'paragraph',
			content: [
				{ type: 'text', text: '<script>alert(1)</script>' },
				{ type: 'text', text: 'clic', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }
			]
		});
		expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;clic</p>');
		expect(renderPadHtml({ type: 'image', attrs: { src: 'javascript:x' } })).toBe('');
	});

	it('renders the contributive workshop template with its nine sections', () => {
		const html = renderPadHtml(templateDocument('atelier-contributif') as never);
		expect(html.match(/<h2>/g)).toHaveLength(9);
		expect(html).toContain('<h2>Points de divergence</h2>');
	});
});
