// What the kit pages see: a built-in kit as listed, and what a fork changed from its upstream, file by file.
import type { MessageItem } from './errors';
export type BuiltInKit = { id: string; title: string; summary: string; version: string; licence: string; languages: string[]; problems: MessageItem[] };

/** A piece of a changed line: unchanged, or the words that line added or removed. */
export type DiffWord = { type: 'same' | 'add' | 'remove'; text: string };
/** `words`: for a line that replaced another, the line cut into what stayed and what changed. */
export type DiffLine = { type: 'add' | 'remove' | 'context'; text: string; words?: DiffWord[] };
/** The parts of a kit, as its page shows them: each file belongs to one. */
export const kitModules = ['manifest', 'readme', 'guides', 'templates', 'programme', 'assets', 'examples', 'other'] as const;
export type KitModule = (typeof kitModules)[number];
export type ModuleDiff = { module: KitModule; added: number; removed: number; files: FileDiff[] };
export type FileDiff = {
	path: string;
	module: KitModule;
	status: 'added' | 'removed' | 'changed';
	added: number;
	removed: number;
	hunks: { header: string; lines: DiffLine[] }[];
};
