// What the kit pages see: a built-in kit as listed, and what a fork changed from its upstream, file by file.
export type BuiltInKit = { id: string; title: string; summary: string; version: string; licence: string; languages: string[]; problems: string[] };

export type DiffLine = { type: 'add' | 'remove' | 'context'; text: string };
export type FileDiff = {
	path: string;
	status: 'added' | 'removed' | 'changed';
	added: number;
	removed: number;
	hunks: { header: string; lines: DiffLine[] }[];
};
