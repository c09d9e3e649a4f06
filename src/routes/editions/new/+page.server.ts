import { redirect } from '@sveltejs/kit';
import { formAction } from '$lib/server/forms';
import { AppError } from '$server/shared/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.viewer) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	const kits = locals.app.kits.listBuiltIn().filter((k) => k.problems.length === 0);
	const chosenKit = kits.find((k) => k.id === url.searchParams.get('kit'))?.id ?? null;
	return { isGuest: locals.viewer.isGuest, kits: kits.map((k) => ({ id: k.id, title: k.title, version: k.version })), chosenKit };
};

export const actions: Actions = {
	default: async ({ request, locals }) =>
		formAction(request, async (values, form) => {
			const kits = locals.app.kits;
			if (values.source === 'kit' || values.source === 'upload') {
				let kit;
				if (values.source === 'kit') {
					const id = String(values.kit ?? '');
					if (!kits.listBuiltIn().some((k) => k.id === id)) throw new AppError('invalid', 'error.kit.choose', { kit: 'invalidChoice' });
					kit = kits.getBuiltIn(id);
				} else {
					const file = form.get('kitFile');
					kit = await kits.readUpload(file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array());
				}
				const edition = kits.fork(locals.viewer, kit, values);
				redirect(303, `/editions/${edition.id}/manage/kit?created=1`);
			}
			const edition = locals.app.editions.create(locals.viewer, values);
			redirect(303, `/editions/${edition.id}/manage`);
		})
};
