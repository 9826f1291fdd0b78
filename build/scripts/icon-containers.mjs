// The two icon containers the installers need, written here because no maintained package in
// this project's dependencies writes them (and ImageMagick is not on every machine); both
// simply wrap PNG images, which Windows (Vista on) and macOS (10.7 on) accept inside them.
//
// Apple's .icns: a header ('icns' + total length) followed by entries (4-character type +
// length + PNG data).

/** Entry types and the PNG size each holds (ic11–ic14 are the @2x variants). */
export const ICNS_TYPES = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

/**
 * @param {[string, Uint8Array][]} entries
 * @returns {Buffer}
 */
export function icnsFile(entries) {
  const parts = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/**
 * A Windows .ico holding PNGs: ICONDIR (reserved 0, type 1, count), one 16-byte entry per
 * image (width and height, 0 meaning 256; 32 bits per pixel; size; offset), then the images.
 * @param {[number, Uint8Array][]} images size and PNG, smallest first
 * @returns {Buffer}
 */
export function icoFile(images) {
  const dir = Buffer.alloc(6 + 16 * images.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(([size, png], i) => {
    const at = 6 + 16 * i;
    dir.writeUInt8(size >= 256 ? 0 : size, at);
    dir.writeUInt8(size >= 256 ? 0 : size, at + 1);
    dir.writeUInt16LE(1, at + 4);
    dir.writeUInt16LE(32, at + 6);
    dir.writeUInt32LE(png.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([dir, ...images.map(([, png]) => png)]);
}
