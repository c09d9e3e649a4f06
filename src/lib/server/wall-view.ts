// The wall's data with a QR code per live workshop: the join link on members-only walls, the workshop page on public ones.
import QRCode from 'qrcode';
import type { App } from '$server/app';
import type { Viewer } from '$server/shared/viewer';

export async function wallWithCodes(app: App, viewer: Viewer | null, editionId: string, origin: string) {
	const view = await app.wall.view(viewer, editionId);
	const live = await Promise.all(
		view.live.map(async (w) => {
			const target = w.joinCode ? `${origin}/join/${w.joinCode}` : `${origin}/editions/${editionId}/workshops/${w.id}`;
			const { joinCode: _, ...shown } = w;
			return { ...shown, target, qrSvg: await QRCode.toString(target, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) };
		})
	);
	return { edition: view.edition, public: view.public, live, upcoming: view.upcoming.map(({ joinCode: _, ...w }) => w) };
}
export type WallData = Awaited<ReturnType<typeof wallWithCodes>>;
