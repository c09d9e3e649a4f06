import { orError } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

const notices = ['created', 'updated', 'deleted'] as const;
type Notice = (typeof notices)[number];
const isNotice = (value: string | null): value is Notice => notices.includes(value as Notice);

export const load: PageServerLoad = ({ locals, params, url }) => {
	const programme = orError(() => locals.app.workshops.programme(locals.viewer, params.editionId));
	const days = programme.days.map((day) => ({ day, workshops: programme.workshops.filter((w) => w.day === day) }));
	const notice = url.searchParams.get('notice');
	return { days, total: programme.workshops.length, notice: isNotice(notice) ? notice : null, noticeTitle: url.searchParams.get('title') };
};
