// Two V8 heap snapshots (.heapsnapshot) compared by what holds the bytes: objects by constructor, closures by
// function, strings, code, arrays… — the first lead when memory grows between two readings at the same working set.
import fs from 'node:fs';

type Snapshot = { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
type Totals = Map<string, { count: number; bytes: number }>;

function totals(file: string): Totals {
	const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
	const fields = s.snapshot.meta.node_fields;
	const types = s.snapshot.meta.node_types[0];
	const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
	const out: Totals = new Map();
	for (let i = 0; i < s.nodes.length; i += fields.length) {
		const type = types[s.nodes[i + typeAt]!]!;
		const name = s.strings[s.nodes[i + nameAt]!]!;
		// Strings and numbers by kind only; arrays, code and hidden objects keep their (short) name: "(array) (object elements)".
		const key = type === 'object' || type === 'native' ? name : type === 'closure' ? `${name}()` : /string|number|symbol|bigint/.test(type) ? `(${type})` : `(${type}) ${name.slice(0, 40)}`;
		const t = out.get(key) ?? { count: 0, bytes: 0 };
		t.count++;
		t.bytes += s.nodes[i + sizeAt]!;
		out.set(key, t);
	}
	return out;
}

/** The `top` kinds of object whose retained self size grew most from `before` to `after`, one line each. */
export function heapDiff(before: string, after: string, top = 12): string[] {
	const a = totals(before);
	const b = totals(after);
	const rows = [...new Set([...a.keys(), ...b.keys()])].map((key) => {
		const x = a.get(key) ?? { count: 0, bytes: 0 };
		const y = b.get(key) ?? { count: 0, bytes: 0 };
		return { key, bytes: y.bytes - x.bytes, count: y.count - x.count, total: y.bytes };
	});
	const total = rows.reduce((s, r) => s + r.bytes, 0);
	const lines = rows
		.sort((r, s) => s.bytes - r.bytes)
		.slice(0, top)
		.filter((r) => r.bytes > 0)
		.map((r) => `${r.key.slice(0, 60)}: ${r.bytes >= 0 ? '+' : ''}${(r.bytes / 1024).toFixed(0)} KB, ${r.count >= 0 ? '+' : ''}${r.count} objects (now ${(r.total / 1024).toFixed(0)} KB)`);
	return [`heap snapshot self sizes: ${total >= 0 ? '+' : ''}${(total / 1024).toFixed(0)} KB in all`, ...lines];
}
