// Story: Maëlle, in Brest, starts « NEC Brest 2027 » from the NEC kit, documents a workshop with the kit's template,
// downloads her event's kit and sees where it sits in the kit's family tree.
import path from 'node:path';
import { readKitFolder } from '../../server/kits/kit-files';
import { writeKitZip } from '../../server/kits/kit-zip';
import { expect, expectAccessible, test } from './fixtures';

test('an organiser forks the NEC kit into a new edition, uses its templates, downloads its kit and sees its lineage', async ({ page, createPerson, logIn }) => {
	// Seven axe-core audits and a build of the kit on a shared two-core machine.
	test.setTimeout(90_000);
	const maelle = await createPerson('Maëlle');
	await logIn(page.context(), maelle);

	// The kits page presents the built-in kit.
	await page.goto('/kits');
	await expect(page.getByRole('heading', { level: 1, name: 'Kits d’organisation' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: /^Découvrir le kit/ }).first().click();
	await expect(page.getByRole('heading', { level: 2, name: 'Guides' })).toBeVisible();
	await page.locator('summary', { hasText: 'MédiaLab' }).first().click();
	await expectAccessible(page);

	// « Créer à partir d'un kit »: the NEC kit is already chosen.
	await page.getByRole('link', { name: 'Créer un événement à partir de ce kit' }).first().click();
	await expect(page.getByRole('radio', { name: 'Un kit intégré' })).toBeChecked();
	await expectAccessible(page);
	await page.getByLabel('Titre de l’événement').fill('NEC Brest 2027');
	await page.getByLabel('Ville').fill('Brest');
	await page.getByLabel('Date de début').fill('2027-03-10');
	await page.getByLabel('Date de fin').fill('2027-03-12');
	await page.getByRole('button', { name: 'Créer l’événement' }).click();

	// The new edition's kit page: pre-filled, with its lineage and templates.
	await expect(page.getByText('Événement créé à partir du kit.')).toBeVisible();
	await expect(page.getByText(/Issu du kit « nec-contributif », version \d+\.\d+\.\d+/)).toBeVisible();
	const templates = page.getByRole('region', { name: 'Formats de documentation' });
	await expect(templates.getByRole('link', { name: /Modifier « Atelier contributif/ })).toBeVisible();
	await expectAccessible(page);
	const manageUrl = page.url().split('?')[0]!;
	const editionUrl = manageUrl.replace(/\/manage\/kit$/, '');

	// The programme skeleton is there, mapped to Brest's dates.
	await page.goto(`${editionUrl}?view=list`);
	await expect(page.getByRole('link', { name: /Ouverture/ }).first()).toBeVisible();

	// A new workshop: its first pad opens with the kit's « atelier contributif » template.
	await page.goto(`${editionUrl}/manage/workshops/new`);
	await page.getByLabel('Titre', { exact: true }).fill('Tiers-lieux du Finistère');
	await page.getByLabel('Format').selectOption('atelier-contributif');
	await page.getByLabel('Début').fill('2027-03-11T14:00');
	await page.getByLabel('Fin').fill('2027-03-11T15:30');
	await page.getByRole('button', { name: 'Créer l’atelier' }).click();
	await page.getByRole('link', { name: 'Page publique Tiers-lieux du Finistère' }).click();
	await page.waitForURL(/\/editions\/[a-z0-9]+\/workshops\/[a-z0-9]+$/);
	await page.goto(`${page.url()}/pads`);
	await page.getByLabel('Titre du pad').fill('Notes de l’atelier');
	await expect(page.getByLabel('Modèle de départ')).toHaveValue('atelier-contributif');
	await page.getByRole('button', { name: 'Créer le pad' }).click();
	const editor = page.getByRole('textbox', { name: /Contenu du pad/ });
	await expect(editor.getByRole('heading', { name: 'Points de convergence' })).toBeVisible();
	// The kit's own guidance, not the built-in template's.
	await expect(editor.getByText(/Gabarit de l’atelier contributif/)).toBeVisible();

	// Downloading the kit shows its progress and gives the zip.
	await page.goto(manageUrl);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: /^Télécharger nec-brest-2027-1\.0\.0\.zip/ }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('nec-brest-2027-1.0.0.zip');
	await expect(page.getByRole('progressbar', { name: 'Progression du téléchargement' })).toBeVisible();
	await expect(page.getByText('Kit téléchargé : nec-brest-2027-1.0.0.zip.')).toBeVisible();

	// The family tree: drawn, and told as a list.
	await page.getByRole('link', { name: 'Voir la famille du kit' }).click();
	await expect(page.getByRole('img', { name: /Famille du kit/ })).toBeVisible();
	const list = page.getByRole('region', { name: 'La même famille en liste' });
	await expect(list.getByRole('link', { name: 'NEC Brest 2027' })).toBeVisible();
	await expectAccessible(page);

	// And what Brest changed so far: nothing in the guides yet, its own manifest.
	await page.goto(`${manageUrl}/diff`);
	await expect(page.getByRole('heading', { level: 2, name: /kit\.json/ })).toBeVisible();
	await expectAccessible(page);
});

test('an uploaded kit is checked before anything is created, then forked once fixed', async ({ page, app, createPerson, logIn }) => {
	const yann = await createPerson('Yann');
	await logIn(page.context(), yann);
	// Yann edited the NEC kit by hand: a version that is not semver and a workshop in a room the kit does not declare.
	const files = readKitFolder(path.resolve('kits/nec-contributif'));
	const manifest = JSON.parse(files.get('kit.json')!);
	const programme = JSON.parse(files.get('programme.json')!);
	const broken = new Map(files);
	broken.set('kit.json', JSON.stringify({ ...manifest, version: '2.0' }));
	broken.set('programme.json', JSON.stringify({ ...programme, workshops: [{ ...programme.workshops[0], room: 'Salle du phare' }, ...programme.workshops.slice(1)] }));
	const editionsBefore = app.db.prepare('SELECT count(*) FROM editions').pluck().get();

	await page.goto('/editions/new');
	await page.getByLabel('Titre de l’événement').fill('NEC Morlaix 2027');
	await page.getByLabel('Date de début').fill('2027-06-01');
	await page.getByLabel('Date de fin').fill('2027-06-02');
	await page.getByRole('radio', { name: 'Un kit importé (fichier zip)' }).check();
	await page.getByLabel('Fichier du kit (.zip)').setInputFiles({ name: 'nec-morlaix.zip', mimeType: 'application/zip', buffer: await writeKitZip('nec-morlaix', broken) });
	await page.getByRole('button', { name: 'Créer l’événement' }).click();

	const problems = page.getByRole('alert');
	await expect(problems).toContainText('Le kit n’a pas pu être importé ; rien n’a été créé.');
	await expect(problems.getByRole('listitem')).toHaveText(['kit.json, version : doit être une version semver (par ex. 1.0.0)', 'programme.json, workshops[0].room : salle « Salle du phare » inconnue']);
	await expect(page.getByLabel('Titre de l’événement')).toHaveValue('NEC Morlaix 2027');
	await expectAccessible(page);
	expect(app.db.prepare('SELECT count(*) FROM editions').pluck().get()).toBe(editionsBefore);

	// Fixed, the same upload creates the event, forked from the NEC kit.
	const fixed = new Map(files);
	fixed.set('kit.json', JSON.stringify({ ...manifest, version: '2.0.0' }));
	await page.getByRole('radio', { name: 'Un kit importé (fichier zip)' }).check();
	await page.getByLabel('Fichier du kit (.zip)').setInputFiles({ name: 'nec-morlaix.zip', mimeType: 'application/zip', buffer: await writeKitZip('nec-morlaix', fixed) });
	await page.getByRole('button', { name: 'Créer l’événement' }).click();
	await expect(page.getByText('Événement créé à partir du kit.')).toBeVisible();
	await expect(page.getByText(/Issu du kit « nec-contributif », version 2\.0\.0/)).toBeVisible();
});
