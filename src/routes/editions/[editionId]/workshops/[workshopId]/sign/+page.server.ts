import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { formatShortCode } from '$server/shared/join-code';
import type { PageServerLoad } from './$types';
import { readWorkshopInEdition } from '../workshop-in-edition';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { workshop, edition, joinCode, shortCode } = readWorkshopInEdition(locals, params);
	if (!joinCode) {
		if (!locals.viewer) error(401, { message: 'log in first', code: 'unauthenticated' });
		error(403, { message: 'only facilitators can print the room sign', code: 'forbidden' });
	}
	const joinUrl = `${url.origin}/join/${joinCode}`;
	return {
		edition: { id: edition.id, title: edition.title },
		workshop: { id: workshop.id, title: workshop.title, startsAt: workshop.startsAt, endsAt: workshop.endsAt, room: workshop.room },
		joinUrl,
		codeAddress: `${url.host}/rejoindre`,
		shortCode: shortCode ? formatShortCode(shortCode) : null,
		qrSvg: await QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
	};
};
