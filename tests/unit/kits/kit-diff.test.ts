import { describe, expect, it } from 'vitest';
import { byModule, diffKits, moduleOf, withChangedWords } from '../../../server/kits/kit-diff';

describe('the kit diff', () => {
	it('puts each file in its module, the programme file being the one the manifest names', () => {
		expect(moduleOf('kit.json')).toBe('manifest');
		expect(moduleOf('README.en.md')).toBe('readme');
		expect(moduleOf('guides/01-medialab.md')).toBe('guides');
		expect(moduleOf('templates/sprint.md')).toBe('templates');
		expect(moduleOf('assets/panneau.svg')).toBe('assets');
		expect(moduleOf('examples/x.md')).toBe('examples');
		expect(moduleOf('notes.txt')).toBe('other');
		expect(moduleOf('skeleton.json', 'skeleton.json')).toBe('programme');
		const upstream = new Map([
			['kit.json', '{"programme": "skeleton.json"}\n'],
			['skeleton.json', '{"a": 1}\n'],
			['guides/02-roles.md', '# Rôles\n'],
			['guides/01-medialab.md', '# Le MédiaLab\n']
		]);
		const fork = new Map([...upstream, ['skeleton.json', '{"a": 2}\n'], ['guides/01-medialab.md', '# Le MédiaLab de Brest\n'], ['guides/02-roles.md', '# Les rôles\n']]);
		const modules = byModule(diffKits(upstream, fork));
		expect(modules.map((m) => [m.module, m.files.map((f) => f.path), m.added, m.removed])).toEqual([
			['guides', ['guides/01-medialab.md', 'guides/02-roles.md'], 2, 2],
			['programme', ['skeleton.json'], 1, 1]
		]);
	});

	it('marks the words an edited line changed, pairing removed and added lines in order', () => {
		const lines = withChangedWords([
			{ type: 'context', text: '## Objectifs' },
			{ type: 'remove', text: 'Se rencontrer entre voisins.' },
			{ type: 'remove', text: 'Partager les outils.' },
			{ type: 'add', text: 'Se rencontrer entre communes voisines.' },
			{ type: 'add', text: 'Partager les outils libres.' },
			{ type: 'add', text: 'Une ligne toute neuve.' }
		]);
		expect(lines[0]!.words).toBeUndefined();
		expect(lines[1]!.words).toEqual([
			{ type: 'same', text: 'Se rencontrer entre ' },
			{ type: 'remove', text: 'voisins' },
			{ type: 'same', text: '.' }
		]);
		expect(lines[3]!.words).toEqual([
			{ type: 'same', text: 'Se rencontrer entre ' },
			{ type: 'add', text: 'communes voisines' },
			{ type: 'same', text: '.' }
		]);
		expect(lines[4]!.words?.filter((w) => w.type === 'add').map((w) => w.text.trim())).toEqual(['libres']);
		// An added line with nothing to pair with is new as a whole: no word marks.
		expect(lines[5]!.words).toBeUndefined();
	});

	it('marks words, not the spaces around them', () => {
		const [, added] = withChangedWords([
			{ type: 'remove', text: '## Participants' },
			{ type: 'add', text: '## Participants lorientais' }
		]);
		expect(added!.words).toEqual([
			{ type: 'same', text: '## Participants' },
			{ type: 'same', text: ' ' },
			{ type: 'add', text: 'lorientais' }
		]);
	});

	it('leaves two unrelated lines whole rather than shredding them into words', () => {
		const [removed, added] = withChangedWords([
			{ type: 'remove', text: 'Prévoir un micro sans fil.' },
			{ type: 'add', text: 'Accueil café dès 8h30 au rez-de-chaussée.' }
		]);
		expect(removed!.words).toBeUndefined();
		expect(added!.words).toBeUndefined();
	});
});
