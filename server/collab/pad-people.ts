// Rewrites the label of the personName nodes naming one person in a live pad, through its room (PadPeoplePort).
import * as Y from 'yjs';
import type { PadPeoplePort } from '../domain/ports';
import { PAD_FRAGMENT, PERSON_NODE } from '../shared/pad-schema';
import type { Rooms } from './rooms';

function peopleIn(node: Y.XmlFragment | Y.XmlElement, userId: string, found: Y.XmlElement[] = []): Y.XmlElement[] {
	for (const child of node.toArray()) {
		if (!(child instanceof Y.XmlElement)) continue;
		if (child.nodeName === PERSON_NODE && child.getAttribute('userId') === userId) found.push(child);
		else peopleIn(child, userId, found);
	}
	return found;
}

export function createPadPeople(deps: { rooms: Rooms }): PadPeoplePort {
	return {
		async renamePerson(padId, userId, name) {
			return deps.rooms.withRoom(`pad:${padId}`, (room) => {
				const doc = new Y.Doc();
				Y.applyUpdate(doc, room.state());
				const stale = peopleIn(doc.getXmlFragment(PAD_FRAGMENT), userId).filter((node) => node.getAttribute('name') !== name);
				if (stale.length === 0) return 0;
				const before = Y.encodeStateVector(doc);
				doc.transact(() => stale.forEach((node) => node.setAttribute('name', name)));
				// A server edit, credited to nobody: the person's words did not change, only how they are named.
				room.applyServerUpdate(Y.encodeStateAsUpdate(doc, before), null);
				return stale.length;
			});
		}
	};
}
