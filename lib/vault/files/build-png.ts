import { crc32, deflateSync } from "node:zlib";

/**
 * Small but valid PNG files written byte by byte, for the demo seed and the tests: a greyscale image
 * from rows of pixel values, and the chunk builder that tests use to add ancillary chunks (tEXt…).
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An 8-bit greyscale PNG of `width` × `height`, where `pixel(x, y)` gives each value (0–255).
 * `extraChunks` go between IHDR and IDAT, where ancillary chunks belong.
 */
export function buildGreyPng({
  width,
  height,
  pixel,
  extraChunks = [],
}: {
  width: number;
  height: number;
  pixel: (x: number, y: number) => number;
  extraChunks?: Buffer[];
}): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1); // the leading 0: PNG filter type "none"
    for (let x = 0; x < width; x++) row[x + 1] = Math.max(0, Math.min(255, Math.round(pixel(x, y))));
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    SIGNATURE,
    pngChunk("IHDR", header),
    ...extraChunks,
    pngChunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A decodable 1×1 grey PNG, with `extraChunks` before its image data. */
export function tinyPng(extraChunks: Buffer[] = []): Buffer {
  return buildGreyPng({ width: 1, height: 1, pixel: () => 0x80, extraChunks });
}
