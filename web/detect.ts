/** What a pasted input is: a mail's source (header lines first), a single URL, or a message text (SMS, chat). */
export type Detected = 'email' | 'url' | 'text' | 'empty';

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:[ \t]?\S?/;
const KNOWN =
  /^(?:from|to|subject|date|received|return-path|delivered-to|message-id|mime-version|content-type|authentication-results|dkim-signature|x-[a-z0-9-]+):/i;

export function detectKind(input: string): Detected {
  const text = input.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  if (!text.trim()) return 'empty';
  // A mail source: its first lines are headers ("Name: value", folded lines indented), several of them known ones.
  const lines = text.split(/\r?\n/, 60);
  let headers = 0;
  let known = 0;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && headers > 0) continue;
    if (!HEADER_LINE.test(line)) {
      headers = -1;
      break;
    }
    headers++;
    if (KNOWN.test(line)) known++;
  }
  if (headers >= 2 && known >= 2) return 'email';
  // One link and nothing else.
  const t = text.trim();
  if (!/\s/.test(t)) {
    if (/^(?:https?|hxxps?):\/\//i.test(t)) return 'url';
    if (/^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#]\S*)?$/u.test(t) && !/@/.test(t))
      return 'url';
  }
  return 'text';
}
