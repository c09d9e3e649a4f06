import { redirect } from '@sveltejs/kit';
import { formAction, orError } from '$lib/server/forms';
import { workshopFormats } from '$server/shared/vocabulary';
import type { Actions, PageServerLoad } from './$types';

export type ChangeRow = {
	kind: 'added' | 'updated' | 'cancelled';
	ref: string;
	title: string;
	startsAt: string;
	endsAt: string;
	room: string;
	fields: string[];
	before: { title: string; startsAt: string; endsAt: string; room: string } | null;
};

export const load: PageServerLoad = ({ locals, params }) => {
	const preview = orError(() => locals.app.programmeImport.preview(locals.viewer, params.editionId, params.draftId));
	const changes: ChangeRow[] = [];
	for (const c of preview.plan.changes) {
		if (c.kind === 'unchanged') continue;
		if (c.kind === 'cancelled') changes.push({ kind: c.kind, ref: c.ref, ...c.before, fields: [], before: null });
		else {
			const { ref, title, startsAt, endsAt, room } = c.session;
			changes.push({ kind: c.kind, ref, title, startsAt, endsAt, room, fields: c.kind === 'updated' ? c.fields : [], before: c.kind === 'updated' ? c.before : null });
		}
	}
	return { draftId: preview.draftId, timezone: preview.timezone, source: preview.source, counts: preview.plan.counts, changes, types: preview.types, report: preview.report, formats: [...workshopFormats] };
};

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const actions: Actions = {
	apply: async ({ request, locals, params }) =>
		formAction(request, (values) => {
			const types = list(values.type);
			const formats = list(values.format);
			const mapping = Object.fromEntries(types.map((type, i) => [type, formats[i] ?? '']));
			const summary = locals.app.programmeImport.apply(locals.viewer, params.editionId, params.draftId, mapping);
			const query = new URLSearchParams({ applied: '1', ...Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, String(v)])) });
			redirect(303, `/editions/${params.editionId}/manage/import?${query}`);
		})
};
