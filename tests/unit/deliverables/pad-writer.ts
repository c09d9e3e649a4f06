// Writes in a pad the way a peer does, through its real-time room: shared by the unit tests and the e2e scenarios (no test runner imported).
import * as Y from 'yjs';
import type { App } from '../../../server/app';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';

function appendBlock(app: App, padId: string, authorId: string | null, block: Y.XmlElement) {
	app.rooms.withRoom(`pad:${padId}`, (room) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, room.state());
		const before = Y.encodeStateVector(doc);
		doc.getXmlFragment(PAD_FRAGMENT).push([block]);
		room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), authorId);
	});
}

/** Appends a paragraph to a pad, as `authorId`, through the pad's room (the same path a peer's update takes). */
export function writeParagraph(app: App, padId: string, authorId: string | null, text: string) {
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	appendBlock(app, padId, authorId, paragraph);
}

/** Appends an image (as the editor inserts one uploaded through the drive). */
export function writeImage(app: App, padId: string, authorId: string | null, src: string, alt: string) {
	const image = new Y.XmlElement('image');
	image.setAttribute('src', src);
	image.setAttribute('alt', alt);
	appendBlock(app, padId, authorId, image);
}
