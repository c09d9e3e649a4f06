// The pad document schema (Tiptap extensions), shared by the browser editor and the server that writes templates.
import type { AnyExtension } from '@tiptap/core';
import { Extension, getSchema } from '@tiptap/core';
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

export function padExtensions(): AnyExtension[] {
	return [
		TemplatePrompt,
		// Collaboration brings its own undo manager, aware of who typed what.
		StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] } }),
		TaskList,
		TaskItem.configure({ nested: true }),
		TableKit.configure({ table: { resizable: false } }),
		Image.configure({ inline: false, allowBase64: false })
	];
}

export const padSchema = () => getSchema(padExtensions());
