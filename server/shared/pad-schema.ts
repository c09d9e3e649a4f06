// The pad document schema (Tiptap extensions), shared by the browser editor and the server that writes templates.
import type { AnyExtension } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/** Y.XmlFragment name holding a pad's content (Tiptap Collaboration's default). */
export const PAD_FRAGMENT = 'default';

export function padExtensions(): AnyExtension[] {
	return [
		// Collaboration brings its own undo manager, aware of who typed what.
		StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] } }),
		TaskList,
		TaskItem.configure({ nested: true }),
		TableKit.configure({ table: { resizable: false } }),
		Image.configure({ inline: false, allowBase64: false })
	];
}

export const padSchema = () => getSchema(padExtensions());
