// Appends a heading to a pad through its real-time room, as a peer would (no test runner imported: e2e uses it too).
import * as Y from 'yjs';
import type { App } from '../../../server/app';
import { PAD_FRAGMENT } from '../../../server/shared/pad-schema';

export function writeHeading(app: App, padId: string, authorId: string, text: string) {
	app.rooms.withRoom(`pad:${padId}`, (room) => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, room.state());
		const before = Y.encodeStateVector(doc);
		const heading = new Y.XmlElement('heading');
		heading.setAttribute('level', 2 as unknown as string);
		heading.insert(0, [new Y.XmlText(text)]);
		doc.getXmlFragment(PAD_FRAGMENT).push([heading]);
		room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), authorId);
	});
}
