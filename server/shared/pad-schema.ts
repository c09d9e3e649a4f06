// The pad document schema (Tiptap extensions), shared by the browser editor and the server that writes templates.
import type { AnyExtension } from '@tiptap/core';
import { Extension, getSchema, mergeAttributes, Node } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/** Y.XmlFragment name holding a pad's content (Tiptap Collaboration's default). */
export const PAD_FRAGMENT = 'default';

/**
 * A template's guidance for a section: an attribute of the empty paragraph under its heading, shown as a placeholder
 * while the paragraph is empty. Being no text, it never takes part in what people type, in history, exports or search.
 */
export const TemplatePrompt = Extension.create({
	name: 'templatePrompt',
	addGlobalAttributes() {
		return [
			{
				types: ['paragraph'],
				attributes: {
					prompt: {
						default: null,
						// The paragraph after Enter is someone's own text, not the section's first line.
						keepOnSplit: false,
						// The guidance stays in the document model: copying a paragraph copies its text only.
						rendered: false
					}
				}
			}
		];
	}
});

/** The prompt an (empty) paragraph carries, if any. */
export const promptOf = (node: { attrs: Record<string, unknown> }): string | null =>
	typeof node.attrs.prompt === 'string' && node.attrs.prompt ? node.attrs.prompt : null;

/** The inline node naming a person in pad text (a promoted chat message's author, an assisted contributor). */
export const PERSON_NODE = 'personName';

/**
 * A person named in pad text by id, never by frozen text: `name` is only what editors show meanwhile. The server
 * writes it following the person's credit choice for the edition and rewrites it when that choice changes or the
 * account is erased; every export, history view and search document resolves the id again when it reads the pad.
 */
export const PersonName = Node.create({
	name: PERSON_NODE,
	group: 'inline',
	inline: true,
	atom: true,
	selectable: true,
	addAttributes() {
		return {
			userId: { default: null, parseHTML: (el) => el.getAttribute('data-user-id'), renderHTML: (attrs) => ({ 'data-user-id': attrs.userId }) },
			name: { default: '', parseHTML: (el) => el.textContent ?? '', rendered: false }
		};
	},
	parseHTML() {
		return [{ tag: 'span[data-person]' }];
	},
	renderHTML({ node, HTMLAttributes }) {
		return ['span', mergeAttributes(HTMLAttributes, { 'data-person': '', class: 'person-name' }), String(node.attrs.name ?? '')];
	},
	renderText({ node }) {
		return String(node.attrs.name ?? '');
	}
});

export function padExtensions(): AnyExtension[] {
	return [
		TemplatePrompt,
		PersonName,
		// Collaboration brings its own undo manager, aware of who typed what.
		StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] } }),
		TaskList,
		TaskItem.configure({ nested: true }),
		TableKit.configure({ table: { resizable: false } }),
		Image.configure({ inline: false, allowBase64: false })
	];
}

export const padSchema = () => getSchema(padExtensions());
