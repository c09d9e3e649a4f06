import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { catalogue } from '../../../src/lib/i18n/catalogue';
import { apiError, handleApi } from '$lib/server/api';
import { errorText } from '$lib/server/error-text';
import { AppError, type MessageItem } from '$server/shared/errors';
import { GET as getEdition } from '../../../src/routes/api/editions/[editionId]/+server';
import { createTestApp } from '../factories';
import { parseProgrammeCsv } from '../../../server/domain/programme/csv-import';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.ts$/.test(name) ? [path] : [];
	});
}

const files = [...sources(join(root, 'server')), ...sources(join(root, 'src/routes'))];
/** Close reasons of the real-time endpoint are short codes read by programs, not people. */
const closeReasonsOnly = /server[/\\]collab[/\\]endpoint\.ts$/;

describe('domain error messages', () => {
	it('throws message keys that exist in both languages', () => {
		const keys = new Set<string>();
		for (const file of files) {
			const text = readFileSync(file, 'utf8');
			if (!/AppError\(|storageUnavailable|notFound\(|invalid\(/.test(text)) continue;
			for (const [, key] of text.matchAll(/'(error\.[A-Za-z.]+)'/g)) keys.add(key!);
		}
		expect(keys.size).toBeGreaterThan(100);
		const missing = [...keys].filter((k) => !(k in catalogue.fr) || !(k in catalogue.en));
		expect(missing).toEqual([]);
	});

	it('leaves no English sentence as the message of an AppError', () => {
		const raw: string[] = [];
		for (const file of files) {
			if (closeReasonsOnly.test(file)) continue;
			readFileSync(file, 'utf8')
				.split('\n')
				.forEach((line, i) => {
					// The second argument of `new AppError(code, …)`: a quoted key, a key chosen by a condition, or a variable.
					const message = line.match(/new AppError\([^,]+,\s*(.)/)?.[1];
					if (message === '`' || (message === "'" && !/new AppError\([^,]+,\s*'error\./.test(line))) raw.push(`${file.slice(root.length)}:${i + 1}`);
				});
		}
		expect(raw).toEqual([]);
	});

	it('leaves no English sentence in the parameters of an AppError either', () => {
		const raw: string[] = [];
		for (const file of files) {
			readFileSync(file, 'utf8')
				.split('\n')
				.forEach((line, i) => {
					// A parameter built from a template with words in it (« line 3, title: is empty ») is a sentence in one language:
					// it belongs in the catalogue, passed as a list of message items (error.csv.row.*).
					const args = line.match(/new AppError\((.*)$/)?.[1];
					if (args && /:\s*`[^`]*\b[a-zA-Z]{2,} [a-zA-Z]{2,}/.test(args)) raw.push(`${file.slice(root.length)}:${i + 1}`);
				});
		}
		expect(raw).toEqual([]);
	});

	it('says what is wrong with a CSV file’s rows in French on French pages', () => {
		let refusal: unknown;
		try {
			parseProgrammeCsv(['title,format,day,start,end', ',keynote,13/09/2018,9h,25:00', 'Atelier,forum,2018-09-13,11:00,10:00'].join('\n'));
		} catch (e) {
			refusal = e;
		}
		const text = errorText(refusal as AppError, 'fr');
		expect(text).toContain('ligne 2, title : est vide');
		expect(text).toContain('ligne 3, end : n’est pas après le début');
		expect(text).not.toMatch(/\b(line|is not|is empty|more)\b/);
	});

	it('translates a list parameter item by item, in the reader’s language', () => {
		const problems: MessageItem[] = [
			{ key: 'error.csv.row.empty', params: { line: 2, column: 'title' } },
			{ key: 'error.csv.row.time', params: { line: 3, column: 'start', value: '9h' } },
			{ key: 'error.csv.row.more', params: { count: 4 } }
		];
		const error = new AppError('invalid', 'error.csv.nothingImported', {}, {}, { problems });
		expect(errorText(error, 'fr')).toBe('Rien n’a été importé. ligne 2, title : est vide ; ligne 3, start : « 9h » n’est pas une heure comme 09:30 ; et 4 autres');
		expect(errorText(error, 'en')).toBe('Nothing was imported. line 2, title: is empty; line 3, start: « 9h » is not a time like 09:30; and 4 more');
	});

	it('translates a key with its parameters, and lets a message that is not a key through', () => {
		const refusal = new AppError('rate_limited', 'error.tooManyLogins', { _: 'tooManyAttempts' }, { retryAfterS: 4 }, { seconds: 4 });
		expect(errorText(refusal, 'fr')).toBe('Trop de connexions échouées ; réessayez dans 4 s.');
		expect(errorText(refusal, 'en')).toBe('Too many failed log-ins; try again in 4 s.');
		expect(errorText(new AppError('invalid', 'line 3: bad date'), 'fr')).toBe('line 3: bad date');
	});

	it('answers the JSON API in the reader’s language', async () => {
		const { app } = createTestApp();
		const event = (locale: 'fr' | 'en') =>
			({
				url: new URL('http://localhost/api/editions/nope'),
				request: new Request('http://localhost/api/editions/nope'),
				params: { editionId: 'nope' },
				locals: { app, viewer: null, locale }
			}) as unknown as Parameters<typeof getEdition>[0];
		const fr = await getEdition(event('fr'));
		expect(fr.status).toBe(404);
		expect(await fr.json()).toEqual({ error: { code: 'not_found', message: 'Cette édition n’existe pas.' } });
		const en = await getEdition(event('en'));
		expect(await en.json()).toEqual({ error: { code: 'not_found', message: 'This edition does not exist.' } });
	});

	it('keeps field errors next to the translated message', async () => {
		const res = apiError(new AppError('forbidden', 'error.import.privateAddress', { url: 'privateUrl' }, {}, { host: 'localhost' }), 'fr');
		expect(await res.json()).toEqual({
			error: { code: 'forbidden', message: 'localhost est une adresse locale ou privée : seules les adresses publiques peuvent être importées.', fields: { url: 'privateUrl' } }
		});
		const wrapped = handleApi(() => {
			throw new AppError('forbidden', 'error.token.guest');
		});
		const answer = await wrapped({ url: new URL('http://localhost/api/me'), request: new Request('http://localhost/api/me'), locals: { viewer: null, locale: 'fr' } } as unknown as RequestEvent);
		expect((await answer.json()).error.message).toBe('Les comptes invités ne peuvent pas créer de jetons d’accès.');
	});
});
