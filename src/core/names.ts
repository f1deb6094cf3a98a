// Names that become files and sheets: made safe for Windows, Excel and the output folder.

// C0/C1 controls, zero-width characters and bidi controls.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_FILE_BYTES = 150;

/** Cuts text to at most `max` UTF-16 units without splitting a surrogate pair. */
function cutUnits(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

function cutBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** Makes `base` unique among `used` (compared case-insensitively) with a (2), (3) … suffix. */
function unique(base: string, used: Set<string>, fit: (text: string, room: number) => string): string {
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = fit(base, suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/**
 * A file name (without extension) safe on Windows and Linux: no path separators or characters
 * Windows forbids, no controls or bidi characters, no leading dots (so no `..`), no trailing dots
 * or spaces, no reserved device names (CON, COM1 …), at most 150 bytes, unique in `used`.
 */
export function safeFileName(name: string, used: Set<string>, fallback = '_'): string {
  let text = name.normalize('NFC').replace(INVISIBLE, '').replace(/[\\/:*?"<>|]/g, '_');
  text = text.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (text === '' || /^_+$/.test(text)) text = fallback;
  if (RESERVED.test(text.split('.')[0] ?? '')) text = `_${text}`;
  text = cutBytes(text, MAX_FILE_BYTES).replace(/[.\s]+$/, '');
  return unique(text, used, (t, room) => cutBytes(t, MAX_FILE_BYTES - room));
}

/**
 * A worksheet name Excel accepts: none of [ ] : * ? / \, no apostrophes, not "History", at most
 * 31 UTF-16 units cut on a character boundary, unique in `used` (case-insensitive).
 */
export function safeSheetName(name: string, used: Set<string>, fallback = 'Sheet'): string {
  let text = name.normalize('NFC').replace(INVISIBLE, '').replace(/[[\]:*?/\\']/g, '_').trim();
  if (text === '') text = fallback;
  if (text.toLowerCase() === 'history') text = `${text}_`;
  text = cutUnits(text, 31).trim();
  return unique(text, used, (t, room) => cutUnits(t, 31 - room));
}
