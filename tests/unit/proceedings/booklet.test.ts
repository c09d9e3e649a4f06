import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { proceedingsEpub, proceedingsOdt, toPrintBooklet } from '../../../server/exports/proceedings-booklet';
import { toXhtml } from '../../../server/exports/epub';
import type { ProceedingsView } from '../../../server/shared/proceedings-views';
import { ORIGIN, labelsFr } from '../archive/archive-fixtures';
import { readStream, unzip } from '../exports/unzip';
import { createTestApp } from '../factories';
import { proceedingsScenario } from './proceedings-fixtures';

const URL_V1 = `${ORIGIN}/archive/e/proceedings/v/1`;

/** The first local header: the OCF rule that `mimetype` comes first, stored (method 0), with its type as bytes 38…. */
function firstEntry(zip: Buffer) {
	const nameLength = zip.readUInt16LE(26);
	const extraLength = zip.readUInt16LE(28);
	const name = zip.subarray(30, 30 + nameLength).toString('ascii');
	const size = zip.readUInt32LE(18);
	return { method: zip.readUInt16LE(8), name, content: zip.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + size).toString('ascii') };
}

const wellFormed = (name: string, text: string) => expect(XMLValidator.validate(text), name).toBe(true);

describe('proceedings booklets', () => {
	let view: ProceedingsView;
	beforeAll(async () => {
		const { app } = createTestApp();
		const s = await proceedingsScenario(app);
		const synthesisId = app.syntheses.open(s.facilitator, s.edition.id, s.themeId);
		await app.syntheses.save(s.facilitator, synthesisId, { title: 'Les communs & nous', markdown: '## Convergences\n\nTous veulent une grille.<br>\n\n- un\n- deux' });
		await app.syntheses.cite(s.facilitator, synthesisId, { deliverableId: s.second, version: 1, anchor: 'h1-divergences', quotedText: 'Certains veulent une licence unique' });
		app.syntheses.addLink(s.facilitator, s.edition.id, { targetKind: 'workshop', targetId: s.workshopId, title: 'Vidéo « communs »', url: 'https://example.org/v?a=1&b=2', kind: 'video' });
		app.proceedings.saveDraft(s.organiser, s.edition.id, { introduction: 'Deux jours.', licence: 'CC-BY-4.0', design: 'Dana Design' });
		await app.proceedings.publish(s.organiser, s.edition.id);
		view = app.proceedings.read(null, s.edition.id);
	});

	it('prints as one HTML file with a paged stylesheet: running heads and page numbers in @page margin boxes, a TOC with anchors', () => {
		const html = toPrintBooklet(view, labelsFr, ORIGIN, URL_V1);
		expect(html).toMatch(/@page\{size:A5;[^}]*@top-left\{content:"Actes de /);
		expect(html).toContain('@bottom-center{content:counter(page)');
		expect(html).toContain('<nav class="toc"');
		for (const anchor of ['introduction', 'syntheses', 'synthese-1', 'deliverables', 'figures', 'resources', 'colophon']) {
			expect(html).toContain(`href="#${anchor}"`);
			expect(html).toContain(`id="${anchor}"`);
		}
		expect(html).toContain(`${ORIGIN}/archive/${view.editionId}/deliverables/`);
	});

	it('writes a structurally valid EPUB 3: mimetype first and stored, container, package with dcterms:modified, nav, well-formed XHTML', async () => {
		const zip = await readStream(proceedingsEpub(view, labelsFr, ORIGIN, URL_V1));
		expect(firstEntry(zip)).toEqual({ method: 0, name: 'mimetype', content: 'application/epub+zip' });
		const files = await unzip(zip);
		expect([...files.keys()][0]).toBe('mimetype');
		const parser = new XMLParser({ ignoreAttributes: false });
		const container = parser.parse(files.get('META-INF/container.xml')!.text);
		const opfPath = container.container.rootfiles.rootfile['@_full-path'];
		expect(opfPath).toBe('OEBPS/package.opf');
		const opf = parser.parse(files.get(opfPath)!.text).package;
		expect(opf['@_version']).toBe('3.0');
		expect(opf.metadata.meta).toMatchObject({ '@_property': 'dcterms:modified', '#text': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
		const items = opf.manifest.item as Record<string, string>[];
		expect(items.find((i) => i['@_properties'] === 'nav')?.['@_href']).toBe('nav.xhtml');
		// Every manifest item exists, every spine entry is in the manifest, every XML file is well-formed.
		for (const item of items) expect(files.has(`OEBPS/${item['@_href']}`), item['@_href']).toBe(true);
		for (const ref of opf.spine.itemref as Record<string, string>[]) expect(items.some((i) => i['@_id'] === ref['@_idref'])).toBe(true);
		for (const [name, file] of files) if (/\.(xml|opf|xhtml)$/.test(name)) wellFormed(name, file.text);
		const chapters = [...files.keys()].filter((n) => /chapter-\d+\.xhtml$/.test(n)).map((n) => files.get(n)!.text).join('');
		expect(chapters).toContain('Certains veulent une licence unique');
		expect(chapters).toContain('Dana Design');
		expect(files.get('OEBPS/nav.xhtml')!.text).toContain('epub:type="toc"');
	});

	it('turns HTML void elements and named entities into XHTML', () => {
		expect(toXhtml('a<br>b<hr><img src="x" alt="y">&nbsp;&eacute;&amp;')).toBe('a<br/>b<hr/><img src="x" alt="y"/>&#160;&amp;eacute;&amp;');
	});

	it('writes an ODT whose content, styles and manifest parse back, with the synthesis, its quote and the colophon', async () => {
		const zip = await readStream(proceedingsOdt(view, labelsFr, ORIGIN, URL_V1));
		expect(firstEntry(zip)).toEqual({ method: 0, name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' });
		const files = await unzip(zip);
		for (const name of ['content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml']) wellFormed(name, files.get(name)!.text);
		const parser = new XMLParser({ ignoreAttributes: false });
		const manifest = parser.parse(files.get('META-INF/manifest.xml')!.text)['manifest:manifest']['manifest:file-entry'] as Record<string, string>[];
		expect(manifest.map((e) => e['@_manifest:full-path'])).toEqual(['/', 'content.xml', 'styles.xml', 'meta.xml']);
		const content = files.get('content.xml')!.text;
		const text = parser.parse(content)['office:document-content']['office:body']['office:text'];
		const headings = (text['text:h'] as ({ '#text': string } | string)[]).map((h) => (typeof h === 'string' ? h : h['#text']));
		expect(headings).toEqual(expect.arrayContaining(['Introduction', 'Synthèses par thème', 'Les communs & nous', 'Colophon']));
		expect(content).toContain('<text:p text:style-name="Quotations">Certains veulent une licence unique</text:p>');
		expect(content).toContain('xlink:href="https://example.org/v?a=1&amp;b=2"');
		expect(content).toContain('Dana Design');
	});
});
