// Content-addressed blobs on the local disk, under <dataDir>/blobs/<ab>/<sha256>, written via a temp file and a rename.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BlobTooLargeError, HEAD_BYTES, type BlobStore, type ByteRange, type StagedBlob } from '../domain/ports';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A write may take only part of a chunk (a disk filling up does exactly that) and says so only in bytesWritten:
 * the rest is written again, which on a full disk fails with ENOSPC instead of leaving a silently truncated blob.
 */
async function writeAll(out: fs.promises.FileHandle, chunk: Uint8Array): Promise<void> {
	for (let offset = 0; offset < chunk.byteLength; ) {
		const { bytesWritten } = await out.write(chunk, offset, chunk.byteLength - offset);
		if (bytesWritten === 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
		offset += bytesWritten;
	}
}

export function createLocalBlobStore(dataDir: string): BlobStore {
	const root = path.join(dataDir, 'blobs');
	const tmpDir = path.join(root, 'tmp');
	const pathOf = (sha256: string) => {
		if (!SHA256.test(sha256)) throw new Error('not a sha256 digest');
		return path.join(root, sha256.slice(0, 2), sha256);
	};

	async function stage(source: AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StagedBlob> {
		await fs.promises.mkdir(tmpDir, { recursive: true });
		const tmp = path.join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
		const hash = createHash('sha256');
		const head = new Uint8Array(HEAD_BYTES);
		let headLength = 0;
		let size = 0;
		const out = await fs.promises.open(tmp, 'wx');
		try {
			for await (const chunk of source) {
				size += chunk.byteLength;
				if (size > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
				if (headLength < HEAD_BYTES) {
					const take = chunk.subarray(0, HEAD_BYTES - headLength);
					head.set(take, headLength);
					headLength += take.byteLength;
				}
				hash.update(chunk);
				await writeAll(out, chunk);
			}
			await out.sync();
		} catch (e) {
			await out.close();
			await fs.promises.rm(tmp, { force: true });
			throw e;
		}
		await out.close();
		const sha256 = hash.digest('hex');
		let settled = false;
		return {
			sha256,
			size,
			head: head.slice(0, headLength),
			async commit() {
				if (settled) return;
				settled = true;
				const target = pathOf(sha256);
				try {
					await fs.promises.mkdir(path.dirname(target), { recursive: true });
					// Same content already stored: keep the existing file, drop the copy, and mark the blob fresh so the
					// orphan sweep spares it until the row that will reference it is written.
					if (fs.existsSync(target)) {
						await fs.promises.rm(tmp, { force: true });
						const now = new Date();
						await fs.promises.utimes(target, now, now);
					} else await fs.promises.rename(tmp, target);
				} catch (e) {
					// A full disk may refuse even the shard directory: the staged copy goes rather than waiting for the sweep.
					await fs.promises.rm(tmp, { force: true });
					throw e;
				}
			},
			async discard() {
				if (settled) return;
				settled = true;
				await fs.promises.rm(tmp, { force: true });
			}
		};
	}

	return {
		stage,
		async open(sha256: string, range?: ByteRange) {
			const file = pathOf(sha256);
			if (!fs.existsSync(file)) return null;
			return fs.createReadStream(file, range ? { start: range.start, end: range.end } : {});
		},
		has: async (sha256) => fs.existsSync(pathOf(sha256)),
		async remove(sha256) {
			await fs.promises.rm(pathOf(sha256), { force: true });
		},
		async *list() {
			const shards = await fs.promises.readdir(root, { withFileTypes: true }).catch(() => []);
			for (const shard of shards) {
				if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
				for (const name of await fs.promises.readdir(path.join(root, shard.name))) {
					if (!SHA256.test(name) || !name.startsWith(shard.name)) continue;
					const stat = await fs.promises.stat(path.join(root, shard.name, name)).catch(() => null);
					if (stat?.isFile()) yield { sha256: name, modifiedAt: stat.mtimeMs };
				}
			}
		},
		async removeStaleStaging(before) {
			let removed = 0;
			for (const name of await fs.promises.readdir(tmpDir).catch(() => [] as string[])) {
				const file = path.join(tmpDir, name);
				const stat = await fs.promises.stat(file).catch(() => null);
				if (stat?.isFile() && stat.mtimeMs < before) {
					await fs.promises.rm(file, { force: true });
					removed++;
				}
			}
			return removed;
		}
	};
}
