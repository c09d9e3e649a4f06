// People named in pad text (personName nodes): resolved from their id by their current credit choice wherever a pad is read.
import { PERSON_NODE } from '../../shared/pad-schema';
import type { LiveDocuments, PadJson, PadPeoplePort } from '../ports';
import type { PmNode } from './pad-html';

/** The name a person is shown by today, or null when the id is unknown (then the node's own label stays). */
export type NameOf = (userId: string) => string | null;

const isPerson = (node: PmNode) => node.type === PERSON_NODE;
const userIdOf = (node: PmNode) => (typeof node.attrs?.userId === 'string' ? node.attrs.userId : null);
const labelOf = (node: PmNode) => (typeof node.attrs?.name === 'string' ? node.attrs.name : '');

function mapPeople<T extends PmNode>(node: T, change: (person: PmNode) => PmNode): T {
	if (isPerson(node)) return change(node) as T;
	if (!node.content) return node;
	return { ...node, content: node.content.map((child) => mapPeople(child, change)) };
}

/** Every person node's label rewritten from its id, so a frozen label never outlives a change of choice or an erasure. */
export function withCurrentNames<T extends PmNode>(doc: T, nameOf: NameOf): T {
	return mapPeople(doc, (person) => {
		const id = userIdOf(person);
		const name = id ? nameOf(id) : null;
		return name === null ? person : { ...person, attrs: { ...person.attrs, name } };
	});
}

/** Person nodes as plain text with their marks, for renderers that only know text (HTML, Markdown, search). */
export function peopleAsText<T extends PmNode>(doc: T): T {
	return mapPeople(doc, (person) => ({ type: 'text', text: labelOf(person) || '?', ...(person.marks ? { marks: person.marks } : {}) }));
}

/** The ids of the people a document names. */
export function namedPeople(doc: PmNode): Set<string> {
	const ids = new Set<string>();
	mapPeople(doc, (person) => {
		const id = userIdOf(person);
		if (id) ids.add(id);
		return person;
	});
	return ids;
}

/**
 * The pad documents as use cases read them: current content and saved versions name people as they chose to be
 * credited in the pad's edition today. `nameOf(padId, userId)` answers for the pad's edition.
 */
export function withPeopleResolved(documents: LiveDocuments, nameOf: (padId: string, userId: string) => string | null, relabel?: PadPeoplePort): LiveDocuments {
	const resolve = (padId: string, json: PadJson): PadJson => withCurrentNames(json as PmNode, (userId) => nameOf(padId, userId)) as PadJson;
	return {
		...documents,
		currentContent: async (padId) => resolve(padId, await documents.currentContent(padId)),
		versionContent: async (padId, versionId) => resolve(padId, await documents.versionContent(padId, versionId)),
		// A restored version brings back the labels of its day: the live pad is relabelled by today's choices.
		async restoreVersion(padId, versionId, authorId) {
			await documents.restoreVersion(padId, versionId, authorId);
			if (!relabel) return;
			for (const userId of namedPeople((await documents.currentContent(padId)) as PmNode)) {
				const name = nameOf(padId, userId);
				if (name !== null) await relabel.renamePerson(padId, userId, name);
			}
		}
	};
}
