import { describe, expect, it } from 'vitest';
import { readKitZip } from '../../../server/kits/kit-files';
import { validateKit } from '../../../server/kits/kit-validate';
import { deliverableScenario, writeParagraph } from '../deliverables/deliverable-fixtures';
import { createTestApp } from '../factories';

describe('published deliverables as kit examples', () => {
	it('adds each published deliverable as examples/<slug>.md when asked, and only then', async () => {
		const { app } = createTestApp();
		const s = await deliverableScenario(app);
		writeParagraph(app, s.pad.id, s.alice.id, 'Puis-je contribuer ? Y ai-je intérêt ? Est-ce utile à mon écosystème ?');
		const publish = async (title: string) => {
			const id = app.deliverables.create(s.facilitator, s.workshopId, { padId: s.pad.id, title, themeIds: [s.themeId] });
			await app.deliverables.publish(s.facilitator, id);
		};
		await publish('Grille des communs');
		await publish('Grille des communs');
		app.deliverables.create(s.facilitator, s.workshopId, { padId: s.pad.id, title: 'Brouillon jamais publié' });

		const withExamples = validateKit(await readKitZip((await app.kits.exportZip(s.organiser, s.edition.id, { examples: 'on' })).bytes));
		expect(withExamples.manifest.assets).toEqual([
			{ file: 'examples/grille-des-communs.md', title: 'Grille des communs' },
			{ file: 'examples/grille-des-communs-2.md', title: 'Grille des communs' }
		]);
		const example = withExamples.files.get('examples/grille-des-communs.md')!;
		expect(example).toMatch(/^# Grille des communs\n\n> Atelier : Identifier les ressources — version 1 — licence etalab-2\.0\n/);
		expect(example).toContain('Puis-je contribuer ? Y ai-je intérêt ? Est-ce utile à mon écosystème ?');

		const without = validateKit(await readKitZip((await app.kits.exportZip(s.organiser, s.edition.id)).bytes));
		expect([...without.files.keys()].some((name) => name.startsWith('examples/'))).toBe(false);
	});
});
