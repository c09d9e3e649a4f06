// A stable, readable colour per person for carets and the presence list (dark enough for white label text).
const palette = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4d7c0f', '#9333ea', '#c2410c'];

export function colorFor(id: string): string {
	let hash = 0;
	for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
	return palette[hash % palette.length]!;
}
