// CPU time of a process group from /proc (Linux): the app server started by scripts/start.mjs runs as a grandchild,
// and the embedded Meilisearch as another member of the same group.
import fs from 'node:fs';

/** CPU milliseconds (user + system) of every live process in the group: Node processes apart from the others. */
export function groupCpuMs(pgid: number): { node: number; other: number } {
	const total = { node: 0, other: 0 };
	let entries: string[] = [];
	try {
		entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
	} catch {
		return { node: NaN, other: NaN };
	}
	for (const pid of entries) {
		let stat: string;
		try {
			stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		} catch {
			continue; // gone meanwhile
		}
		// pid (comm) state ppid pgrp … utime(14) stime(15): comm may hold spaces, so split after its closing parenthesis.
		const close = stat.lastIndexOf(')');
		const comm = stat.slice(stat.indexOf('(') + 1, close);
		const fields = stat.slice(close + 2).split(' ');
		if (Number(fields[2]) !== pgid) continue;
		const ms = (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ = 100
		if (comm.startsWith('node')) total.node += ms;
		else total.other += ms;
	}
	return total;
}
