// The one sanitiser for text shown to a person: every character that could steer a terminal or
// hide itself (escape, carriage return, bidi overrides, zero-width characters …) is written out
// as an escape a reader can see (\x1b, \x0d, \u202e), so that a message never makes a bad value look
// valid and task data can never clear a screen, set a title or write to the clipboard. Newlines
// and tabs stay. Joiners and tag characters inside emoji (👨‍👩‍👧, flags) stay too.

const HIDDEN =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff0-\ufffb]|[\u{e0000}-\u{e007f}]|\p{Cs}/gu;

const PICTOGRAPH = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F]$/u;
const FLAG_TAGS = /\u{1F3F4}[\u{E0020}-\u{E007E}]*$/u;

function escapeOf(cp: number): string {
  if (cp < 0x20) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp > 0xffff) return `\\u{${cp.toString(16)}}`;
  return `\\u${cp.toString(16).padStart(4, '0')}`;
}

export function visible(text: string): string {
  return text.replace(HIDDEN, (ch: string, offset: number, whole: string) => {
    const cp = ch.codePointAt(0)!;
    const before = whole.slice(Math.max(0, offset - 16), offset);
    // a joiner between emoji, or the tags of a subdivision flag, are part of the picture
    if (cp === 0x200d && PICTOGRAPH.test(before) && /^\p{Extended_Pictographic}/u.test(whole.slice(offset + 1, offset + 3))) return ch;
    if (cp >= 0xe0020 && cp <= 0xe007f && FLAG_TAGS.test(whole.slice(Math.max(0, offset - 64), offset))) return ch;
    return escapeOf(cp);
  });
}
