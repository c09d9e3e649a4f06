// Every close code the server sends has a message for people, in both languages, and says whether the page retries.
import { describe, expect, it } from 'vitest';
import { closeNoticeOf } from '../../../src/lib/collab/close-notices';
import { translate } from '../../../src/lib/i18n/catalogue';
import { closeCodeOf, collabCloseCodes } from '../../../server/shared/errors';

describe('close notices', () => {
	// 4409 (conflict) and 4413 (too large) are error codes the endpoint never closes with: they get the generic notice.
	const used = Object.values(closeCodeOf).filter((c) => c !== closeCodeOf.conflict && c !== closeCodeOf.too_large);
	const codes = [...Object.values(collabCloseCodes), ...used, 1001];

	it('names every code the server uses, in French and English, and stops retrying on 4400–4499 only', () => {
		for (const code of codes) {
			const notice = closeNoticeOf(code);
			expect(notice, String(code)).not.toBeNull();
			expect(notice!.key, String(code)).not.toBe('collab.closed.unknown');
			for (const locale of ['fr', 'en'] as const) expect(translate(locale, notice!.key, notice!.params)).not.toBe(notice!.key);
			expect(notice!.final, String(code)).toBe(code >= 4400 && code < 4500);
		}
		expect(new Set(codes.map((c) => closeNoticeOf(c)!.key)).size).toBeGreaterThanOrEqual(15);
	});

	it('says nothing for a dropped network, and gives the code of one it does not know', () => {
		expect(closeNoticeOf(1006)).toBeNull();
		expect(closeNoticeOf(1000)).toBeNull();
		expect(closeNoticeOf(4777)).toEqual({ key: 'collab.closed.unknown', params: { code: 4777 }, final: false });
		expect(translate('en', 'collab.closed.unknown', { code: 4777 })).toContain('4777');
	});
});
