import { escapeRegExp, excerpt } from '../../analysis/text.js';
import type { LureSet } from '../../data/types.js';
import type { Evidence } from '../../report.js';
import { defineRule } from '../../rule.js';
import { listArchive } from './archive.js';

const passwordPatterns = new WeakMap<LureSet, RegExp | null>();

/** "password", 「パスワード」, 「PW」 … said next to an archive (the data's `passwordWords`): the key is in the mail. */
function passwordPattern(set: LureSet): RegExp | null {
  let re = passwordPatterns.get(set);
  if (re !== undefined) return re;
  const words = Object.values(set.passwordWords?.phrases ?? {})
    .flat()
    .map((w) => (w.startsWith('re:') ? w.slice(3) : escapeRegExp(w)));
  re = words.length ? new RegExp(words.join('|'), 'i') : null;
  passwordPatterns.set(set, re);
  return re;
}

/** An encrypted archive: virus scanners cannot look inside, which is why malware (Emotet) is sent this way. */
export default defineRule({
  meta: {
    id: 'content/protected-archive',
    family: 'content',
    category: 'phishing',
    weight: 25,
    description: {
      ja: 'パスワード付きの圧縮ファイル（ウイルス対策ソフトが中身を検査できない）',
      en: 'A password-protected archive (virus scanners cannot look inside)',
    },
  },
  check({ message, text, data }) {
    for (const a of message.attachments) {
      const listing = listArchive(a.content, a.filename);
      if (!listing) continue;
      const name = a.filename ?? `(${listing.kind})`;
      const encrypted = listing.entries.some((e) => e.encrypted);
      const said = passwordPattern(data.lures)?.exec(text) ?? null;
      if (!encrypted && !(listing.kind !== 'zip' && said)) continue;
      const evidence: Evidence[] = [{ kind: 'attachment', value: name, where: `attachment:${name}` }];
      if (said)
        evidence.push({ kind: 'phrase', value: excerpt(text, said.index, said[0].length), where: 'body' });
      return {
        evidence,
        message: {
          ja: `添付ファイル「${name}」はパスワードで保護された圧縮ファイルです。ウイルス対策ソフトが中身を検査できないため、ウイルスを送る手口に使われます。送り主に別の方法で確認するまで開かないでください`,
          en: `The attachment "${name}" is a password-protected archive: virus scanners cannot check inside, which is how malware is sent. Do not open it until you have confirmed with the sender another way`,
        },
      };
    }
    return null;
  },
});
