// One clock for every bench process: the runner's performance.now() timeline, shared with its generator children.
//
// Node's performance.now() is CLOCK_MONOTONIC (uv_hrtime) minus the process's own start, and process.hrtime.bigint()
// is the same CLOCK_MONOTONIC, which Linux keeps system-wide. The runner passes its time origin expressed in hrtime
// (BENCH_EPOCH_NS) to every generator it forks; a child's now() is then hrtime − that origin, i.e. exactly the runner's
// performance.now(), so a send time taken in one generator and a receipt time taken in another subtract correctly.
// (performance.timeOrigin + performance.now() would not do: timeOrigin is each process's wall-clock reading at its
// start, and NTP may slew the wall clock between two process starts.)

const epoch = process.env.BENCH_EPOCH_NS ? BigInt(process.env.BENCH_EPOCH_NS) : null;

/** Milliseconds on the runner's performance.now() timeline, in whichever bench process this runs. */
export const now: () => number = epoch === null ? () => performance.now() : () => Number(process.hrtime.bigint() - epoch) / 1e6;

/** The runner's time origin in hrtime nanoseconds, for the env of a child that must share its clock. */
export function epochForChildren(): string {
	if (epoch !== null) return String(epoch);
	return String(process.hrtime.bigint() - BigInt(Math.round(performance.now() * 1e6)));
}
