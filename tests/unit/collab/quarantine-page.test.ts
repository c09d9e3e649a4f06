// The admin page listing quarantined real-time rows: administrators only, everybody else a 404.
import { describe, expect, it } from 'vitest';
import { load } from '../../../src/routes/admin/quarantine/+page.server';
import { createAccount, createTestApp } from '../factories';

type Load = (event: unknown) => Promise<{ rows: { room: string; authorName: string | null; size: number }[] }>;
const run = load as unknown as Load;

describe('/admin/quarantine', () => {
	it('lists quarantined rows with their author for an administrator, and is a 404 for anyone else', async () => {
		const { app } = createTestApp();
		const admin = await createAccount(app, 'ada'); // the first account is the administrator
		const other = await createAccount(app, 'bob');
		expect(admin.isAdmin).toBe(true);
		app.db.prepare('INSERT INTO doc_updates (room, data, author_id, created_at) VALUES (?, ?, ?, ?)').run('pad:abcdefgh12', new Uint8Array([1, 1, 9]), other.id, 1000);
		expect(app.quarantine.screen('pad:abcdefgh12')).toBe(1);

		const page = await run({ locals: { app, viewer: admin } });
		expect(page.rows).toEqual([expect.objectContaining({ room: 'pad:abcdefgh12', size: 3, authorName: other.displayName })]);
		for (const viewer of [other, null]) {
			await expect(run({ locals: { app, viewer } })).rejects.toThrow(expect.objectContaining({ status: 404 }));
		}
	});
});
