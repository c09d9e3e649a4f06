// Story: Alice drops the minutes of the previous session (ODT) and a Markdown memo in the drive; both read as documents.
import yazl from 'yazl';
import { expect, expectAccessible, test } from './fixtures';

function odt(body: string): Promise<Buffer> {
	const file = new yazl.ZipFile();
	file.addBuffer(Buffer.from('application/vnd.oasis.opendocument.text'), 'mimetype', { compress: false });
	const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
	file.addBuffer(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:body><office:text>${body}</office:text></office:body></office:document-content>`), 'content.xml');
	file.end();
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		file.outputStream.on('data', (c: Buffer) => chunks.push(c));
		file.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
	});
}

test('office files and Markdown are previewed as readable, sandboxed documents', async ({ page, createPerson, logIn, liveWorkshop }) => {
	const alice = await createPerson('Alice Martin');
	const { edition, workshopId } = liveWorkshop(alice, 'NEC aperçus');
	await logIn(page.context(), alice);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('dialog', (dialog) => {
		throw new Error(`a dialog opened: ${dialog.message()}`);
	});
	await page.goto(`/editions/${edition.id}/workshops/${workshopId}/drive`);
	await expect(page.getByText('En ligne, enregistré')).toBeVisible();
	await page.getByLabel('Ajouter des fichiers').setInputFiles([
		{ name: 'compte-rendu.odt', mimeType: 'application/vnd.oasis.opendocument.text', buffer: await odt('<text:h text:outline-level="1">Séance précédente</text:h><text:p>Décisions prises ensemble.</text:p>') },
		{ name: 'memo.md', mimeType: 'text/markdown', buffer: Buffer.from('# Mémo\n\n**À retenir** <img src=x onerror=alert(1)> [lien](javascript:alert(2))\n') }
	]);
	await expect(page.getByText('memo.md a été ajouté.')).toBeVisible();
	// axe cannot run inside a frame that runs no script: the drive is checked before a preview opens.
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Aperçu compte-rendu.odt' }).click();
	const odtFrame = page.frameLocator('iframe[title="Version lisible de compte-rendu.odt"]');
	await expect(odtFrame.getByRole('heading', { name: 'Séance précédente' })).toBeVisible();
	await expect(odtFrame.getByText('Décisions prises ensemble.')).toBeVisible();
	const src = await page.locator('iframe[title="Version lisible de compte-rendu.odt"]').getAttribute('src');
	const response = await page.request.get(src!);
	expect(response.headers()['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);

	expect(errors).toEqual([]);
	await page.getByRole('button', { name: 'Fermer l’aperçu' }).click();
	await page.getByRole('button', { name: 'Aperçu memo.md' }).click();
	await expect(page.getByRole('region', { name: 'Aperçu de memo.md' })).toBeVisible();
	const mdFrame = page.frameLocator('iframe[title="Version lisible de memo.md"]');
	await expect(mdFrame.getByRole('heading', { name: 'Mémo' })).toBeVisible();
	await expect(mdFrame.locator('strong')).toHaveText('À retenir');
	await expect(mdFrame.locator('img')).toHaveCount(0);
	await expect(mdFrame.getByText('lien')).not.toHaveAttribute('href', /javascript/);
});
