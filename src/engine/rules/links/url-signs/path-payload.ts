import { decodedUri, type Tally, type UrlParts } from './url-parts.js';

/** The text of a base64 or base64url token (padding optional), or null when it is not base64. */
function base64Text(token: string): string | null {
  try {
    return atob(token.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
  } catch {
    return null;
  }
}

const RANDOM_KEY = /^\?([A-Za-z0-9]{12,40})=[A-Za-z0-9]{4,40}$/;

const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

// WordPress keeps program code and media in wp-includes and wp-content, and its admin pages in wp-admin and a
// few folders of it; /.well-known/ holds fixed files (acme-challenge tokens, security.txt). A web page (a folder
// index, .php or .html) in them, other than WordPress's own admin pages, was put there by someone else.
const WP_ADMIN_DIRS = /^(?:network|user|includes|maint|css|js|images)$/;
function plantedPage(path: string): string | null {
  const m = /\/(wp-content|wp-includes|wp-admin|\.well-known)\/(.*)$/i.exec(path);
  if (!m) return null;
  const [, dir = '', rest = ''] = m;
  const page = rest === '' || rest.endsWith('/') || /\.(?:php\d?|html?)$/i.test(rest);
  if (!page || /(?:^|\/)(?:\.well-known\/)?(?:acme-challenge|pki-validation\/[0-9a-f]+\.txt)/i.test(rest))
    return null;
  if (dir.toLowerCase() === 'wp-admin') {
    const [first = '', ...more] = rest.split('/');
    // wp-admin/post.php, wp-admin/network/, wp-admin/user/profile.php are WordPress's own.
    if (more.length === 0 || (WP_ADMIN_DIRS.test(first) && !/^(?:css|js|images)$/.test(first))) return null;
  }
  if (dir.toLowerCase() !== 'wp-admin' && rest === '') return null;
  return `${dir}/${rest}`.slice(0, 60);
}

/** The path as a single base64 token whose text is a short printable id with a digit: `a3IwMDY1P3` (kr0065?). */
export function encodedId(path: string): string | null {
  const m = /^\/([A-Za-z0-9+_-]{8,40}={0,2})\/?$/.exec(path);
  const t = m?.[1];
  if (!t || !/[A-Z]/.test(t) || !/[a-z]/.test(t)) return null;
  const text = base64Text(t);
  return text !== null &&
    text.length >= 5 &&
    /^[\x20-\x7e\n]+$/.test(text) &&
    /\d/.test(text) &&
    /[a-z]/i.test(text)
    ? `${t} = ${text.trim()}`
    : null;
}

/** An e-mail address after the # or encoded in base64 anywhere in the path, query or fragment. */
function carriedAddress(url: string): string | null {
  const hash = url.indexOf('#');
  if (hash >= 0) {
    const fragment = decodedUri(url.slice(hash + 1));
    const plain = ADDRESS.exec(fragment);
    if (plain) return `#${plain[0]}`;
  }
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  for (const token of rest.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
    const text = base64Text(token);
    if (text === null) continue;
    const m = ADDRESS.exec(text);
    if (m && /^[\x20-\x7e]*$/.test(text.slice(0, (m.index ?? 0) + m[0].length))) return `${token} = ${m[0]}`;
  }
  return null;
}

/**
 * What the link carries besides a page: a kit's key, the reader's address, a Japanese domain as a folder, a page
 * planted among a CMS's files (`path`).
 */
export function payloadSigns({ link, tld, query, decoded }: UrlParts, t: Tally): void {
  const { found } = t;
  // One query parameter whose name is a machine-made token (?AI8z91nw7HA9kL1Q8h=FoWPzlKZj): a kit's key that only
  // its own links carry, so scanners that drop or guess it see an empty page. Parameter names are words (id, page).
  const key = RANDOM_KEY.exec(query)?.[1];
  if (key && /[A-Z]/.test(key) && /[a-z]/.test(key) && /\d/.test(key)) {
    found.set('path', query.slice(0, 60));
    t.extra++;
  }
  // The reader's e-mail address carried in the link, base64-encoded or after the #, so the fake sign-in page can
  // show it pre-filled (a kit's trait; newsletters' unsubscribe links put it plainly in the query).
  const carried = carriedAddress(link.destination);
  if (carried) {
    found.set('path', carried);
    t.extra++;
  }
  // A Japanese organisation's domain written as a folder on a site outside .jp (/x.co.jp/, /mail.example.ne.jp/): the address
  // the reader knows, put where a glance at the URL finds it. Not after http(s):/ (an archive's copy of the page).
  const jpFolder =
    tld === 'jp'
      ? null
      : /(?:^|\/)(?<!:\/\/)((?:[a-z0-9-]+\.)*(?:co|ne|or|go|ac|ad|gr|ed|lg)\.jp)(?=\/|$)/i.exec(decoded);
  if (jpFolder?.[1]) {
    found.set('path', jpFolder[1]);
    t.extra++;
  }
  // A page planted among a CMS's program files or the ACME/validation folder: a kit uploaded to a hacked site.
  const planted = plantedPage(decoded);
  if (planted) {
    found.set('path', planted);
    t.extra++;
  }
}
