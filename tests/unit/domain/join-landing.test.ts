import { beforeEach, describe, expect, it } from 'vitest';
import { joinLanding } from '../../../src/lib/server/join-landing';
import type { EditionRow } from '../../../server/domain/editions/editions.repo';
import type { Viewer } from '../../../server/domain/types';
import { createAccount, createEdition, createGuest, createTestApp, createWorkshop, joinCodeOf, type TestApp } from '../factories';

describe('where joining lands', () => {
	let t: TestApp;
	let orga: Viewer;
	let edition: EditionRow;
	let locals: App.Locals;
	beforeEach(async () => {
		t = createTestApp();
		orga = await createAccount(t.app, 'orga');
		edition = createEdition(t.app, orga, { status: 'published' });
		locals = { app: t.app } as App.Locals;
	});

	function joined(workshopId: string) {
		const guest = createGuest(t.app, 'Bob');
		return { guest, joined: t.app.workshops.join(guest, joinCodeOf(t.app, workshopId)) };
	}

	it('is the workshop’s first pad still in use, asking the editor for the caret', () => {
		const id = createWorkshop(t.app, orga, edition.id);
		const first = t.app.pads.create(orga, id, { title: 'Brouillon' });
		const second = t.app.pads.create(orga, id, { title: 'Notes' });
		t.app.pads.remove(orga, first.id);
		const { guest, joined: result } = joined(id);
		expect(joinLanding(locals, guest, result)).toBe(`/editions/${edition.id}/workshops/${id}/pads/${second.id}?focus=1`);
	});

	it('is the workshop page when it has no pad yet', () => {
		const id = createWorkshop(t.app, orga, edition.id);
		const { guest, joined: result } = joined(id);
		expect(joinLanding(locals, guest, result)).toBe(`/editions/${edition.id}/workshops/${id}#join`);
	});
});
