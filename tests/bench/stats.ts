// Latency samples, percentiles and the printed results table.

/** A growable list of latency samples in milliseconds. */
export class Samples {
	private data = new Float64Array(1 << 14);
	length = 0;

	add(value: number): void {
		if (this.length === this.data.length) {
			const bigger = new Float64Array(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}

	clear(): void {
		this.length = 0;
	}

	/** A copy of what was recorded (to ship to another process). */
	values(): Float64Array {
		return this.data.slice(0, this.length);
	}

	addAll(values: Float64Array): void {
		for (const v of values) this.add(v);
	}

	/** p50/p95/p99/max of what was recorded plus `missing` samples that never arrived (counted as +∞); NaN when empty. */
	summary(missing = 0): LatencySummary {
		const count = this.length + missing;
		if (count === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
		const sorted = this.data.slice(0, this.length).sort();
		const at = (q: number) => {
			const i = Math.min(count - 1, Math.floor(q * count));
			return i < sorted.length ? sorted[i]! : Infinity;
		};
		return { count, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: missing > 0 ? Infinity : sorted[sorted.length - 1]! };
	}
}

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number };

export const ms = (v: number) => (v === Infinity ? '∞' : Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) + ' ms' : 'n/a');
export const kb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) + ' KB' : 'n/a');
export const us = (v: number) => (Number.isFinite(v) ? v.toFixed(2) + ' µs' : 'n/a');

export type ServerKind = 'ours' | 'yws' | 'hocus';
export const serverLabel: Record<ServerKind, string> = { ours: 'MédiaLab', yws: 'y-websocket-server', hocus: 'Hocuspocus' };

/** One measured figure of a scenario, per server; lower is better unless `higherIsBetter`. */
export type Figure = {
	scenario: string;
	name: string;
	values: Partial<Record<ServerKind, number>>;
	format: (v: number) => string;
	higherIsBetter?: boolean;
	/** Printed next to the value, e.g. "generator saturated". */
	notes?: Partial<Record<ServerKind, string>>;
};

export type Check = { scenario: string; name: string; pass: boolean; detail: string };

export class Report {
	readonly figures: Figure[] = [];
	readonly checks: Check[] = [];
	readonly targets: Check[] = [];

	figure(f: Figure): void {
		this.figures.push(f);
	}
	check(scenario: string, name: string, pass: boolean, detail = ''): void {
		this.checks.push({ scenario, name, pass, detail });
		console.log(`    [${pass ? 'PASS' : 'FAIL'}] ${name}${detail ? ' — ' + detail : ''}`);
	}
	target(scenario: string, name: string, pass: boolean, detail: string): void {
		this.targets.push({ scenario, name, pass, detail });
		console.log(`    [target ${pass ? 'MET' : 'MISSED'}] ${name} — ${detail}`);
	}

	/** The better (lower, or higher) of the two reference values, or NaN. */
	static betterReference(f: Figure): number {
		const refs = [f.values.yws, f.values.hocus].filter((v): v is number => v !== undefined && Number.isFinite(v));
		if (refs.length === 0) return NaN;
		return f.higherIsBetter ? Math.max(...refs) : Math.min(...refs);
	}

	print(): void {
		const rows: string[][] = [['scenario', 'figure', serverLabel.ours, serverLabel.yws, serverLabel.hocus, 'ours ÷ better ref']];
		for (const f of this.figures) {
			const cell = (k: ServerKind) => {
				const v = f.values[k];
				if (v === undefined) return '—';
				return f.format(v) + (f.notes?.[k] ? ` (${f.notes[k]})` : '');
			};
			const ref = Report.betterReference(f);
			const ours = f.values.ours;
			const ratio = ours !== undefined && Number.isFinite(ref) && ref !== 0 && Number.isFinite(ours) ? (ours / ref).toFixed(2) + '×' : '—';
			rows.push([f.scenario, f.name, cell('ours'), cell('yws'), cell('hocus'), ratio]);
		}
		console.log('\n' + table(rows));
		const failed = this.checks.filter((c) => !c.pass);
		console.log(`\nChecks: ${this.checks.length - failed.length}/${this.checks.length} PASS`);
		for (const c of this.checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  (${c.scenario}) ${c.name}${c.detail ? ' — ' + c.detail : ''}`);
		console.log(`\nTargets: ${this.targets.filter((t) => t.pass).length}/${this.targets.length} met`);
		for (const t of this.targets) console.log(`  ${t.pass ? 'MET   ' : 'MISSED'}  (${t.scenario}) ${t.name} — ${t.detail}`);
	}
}

function table(rows: string[][]): string {
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
	const line = (r: string[]) => '| ' + r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ') + ' |';
	const sep = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';
	return [line(rows[0]!), sep, ...rows.slice(1).map(line)].join('\n');
}
