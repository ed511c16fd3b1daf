/**
 * A minimal zip writer for tests (PKWARE APPNOTE 6.3: local headers, central directory, end
 * record; no zip64, no encryption), so zip tests need no `zip` binary in CI.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** One entry: a file (`data`) or a folder (`name` ending in `/`, no data). */
export interface ZipInput {
  name: string;
  data?: string | Uint8Array;
  /** Store uncompressed (method 0) instead of deflate (method 8). */
  store?: boolean;
}

/** Build a zip archive in memory from `entries`, in the given order. */
export function buildZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = entry.data === undefined ? Buffer.alloc(0) : Buffer.from(entry.data);
    const method = entry.store || entry.name.endsWith('/') ? 0 : 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    // Shared fields: version needed, flags (bit 11: UTF-8 names), method, DOS time/date, crc, sizes, name length.
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(0x0800, at + 2);
      b.writeUInt16LE(method, at + 4);
      b.writeUInt16LE(0, at + 6);
      b.writeUInt16LE(0x21, at + 8); // 1980-01-01
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(body.length, at + 14);
      b.writeUInt32LE(raw.length, at + 18);
      b.writeUInt16LE(name.length, at + 22);
      b.writeUInt16LE(0, at + 24); // extra field length
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    common(central, 6);
    // comment length, disk number, internal and external attributes stay 0.
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
