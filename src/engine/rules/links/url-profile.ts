import { type BrandIndex, brandOfDomain, pathBrand } from '../../analysis/brands.js';
import { randomness, wordLike } from '../../analysis/url.js';
import type { HostLists } from '../../data/types.js';
import { defineRule } from '../../rule.js';
import { CREDENTIAL_PATH, findHost, linkEvidence, shown, type WebLink, webLinks } from './common.js';

/** Independent kinds of evidence in one URL; each counts once however many of its signs appear. */
export type Sign = 'tld' | 'host' | 'hosting' | 'path' | 'structure' | 'bare';

export interface Signs {
  found: Map<Sign, string>;
  /** Signs weighed: a strong sign (dynamic DNS, a keyboard-mash or hash host name) counts twice. */
  points: number;
}

// Lists with their citations live in data/hosts.json: extremeTlds (Interisle phishing domain score >= 450),
// notForProduction (workers.dev, r2.dev: not for production by Cloudflare's own documentation), serviceLabels.

/** A label typed or generated without meaning: a hash, or seven or more letters mostly in rare pairs (dwqhtrjhfhs). */
function mashed(label: string, hosts: HostLists): boolean {
  if (HASH_LABEL.test(label) && /\d/.test(label) && /[a-f]/.test(label)) return true;
  const letters = label.replace(/\d/g, '');
  if (!/^[a-z0-9]+$/.test(label)) return false;
  // Six or more letters without a vowel and with two letter pairs English words almost never contain (hbqxzt,
  // kjwsdc): not a word in any language. A project's abbreviation has no vowel either but reads in familiar pairs
  // (nghttp, ctfstd, tclxml) and a company's is shorter (msnbc, qksrv).
  if (letters.length >= 6 && !/[aeiou]/.test(letters) && rarePairs(letters, hosts) >= 2) return true;
  if (letters.length < 7) return false;
  let rare = 0;
  for (let i = 0; i + 1 < letters.length; i++) if (!/[aeiouy]/.test(letters.slice(i, i + 2))) rare++;
  return (
    rare / (letters.length - 1) >= 0.5 && (letters.match(/[aeiou]/g) ?? []).length / letters.length < 0.2
  );
}

const RARE_PAIRS = new WeakMap<string[], Set<string>>();

/**
 * How many letter pairs of a label English words almost never contain (hosts.rareLetterPairs, counted from a general
 * word list): `vexqua`, `fjorx` and `kj3dq` have some, `shop`, `tokyo` and `maylove` none. Pairs are read inside
 * runs of letters only (digits and hyphens break them).
 */
export function rarePairs(label: string, hosts: HostLists): number {
  let set = RARE_PAIRS.get(hosts.rareLetterPairs);
  if (!set) {
    set = new Set(hosts.rareLetterPairs);
    RARE_PAIRS.set(hosts.rareLetterPairs, set);
  }
  let n = 0;
  for (const run of label.toLowerCase().split(/[^a-z]+/))
    for (let i = 0; i + 1 < run.length; i++) if (set.has(run.slice(i, i + 2))) n++;
  return n;
}

// A hexadecimal hash as a label (a kit's per-target subdomain): 32 characters of an MD5, or 16 or more.
const HASH_LABEL = /^[0-9a-f]{16,}$/;
// Letters and digits mixed in a short name (nck292, sr891, a19br): registrars' cheapest bulk names.
const DIGIT_MIX = /^(?=(?:[a-z]*\d){2})(?=(?:\d*[a-z]){2})[a-z0-9]{4,9}$/;
// One to four letters and three or four digits, either way round: a registrar's bulk name (hq582, 2071kz). Two
// digits are often a name's own (tc39, wg21, ss64), five or more a standard's number (iso17799).
const BULK_NAME = /^(?:[a-z]{1,4}\d{3,4}|\d{3,4}[a-z]{1,4})$/;
// A page of a phishing kit: a PHP page at the top of the site or one level down, or /jp/.
const KIT_PAGE = /^\/(?:[^/]+\/)?[^/]*\.php$|^\/jp(?:\/|\.\w+$|$)|^\/(?:[^/]+\/)?(?:jp|ja)\.html?$/i;
// A token in the path that is machine-made: base64 or a mixed-case id (a3IwMDY1P3, mY6v2T, EcAEQxR).
const SHORT_TOKEN = /^(?=[A-Za-z]*[a-z][A-Z])[A-Za-z]{4,8}$/;
const RANDOM_TOKEN = /^(?=[a-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{6,40}={0,2}$/;
/** A platform's service host that is no web page for a reader (cpanel, webmail, mx2, _mta-sts). */
function serviceLabel(label: string, hosts: HostLists): boolean {
  const bare = label.replace(/^_/, '');
  return hosts.serviceLabels.includes(bare) || hosts.serviceLabels.includes(bare.replace(/\d+$/, ''));
}

// Servers that speak DNS or mail, not HTTP to readers (a number after them counts: ns2, mx1, smtp3).
const SERVER_LABEL = /^(?:ns|dns|mx|smtp|imap|pop|pop3)\d*$/;

// A site's usual parts in front of its name: a numbered www, the mobile site, a blog or shop section, a language.
const SITE_SECTION =
  /^(?:www\d*|m|mobile|wap|blog|shop|store|news|cdn|static|img|images?|media|en|zh|cn|api|docs?|wiki|lists?|mailing-list|forums?|dev|git|ftp|downloads?)$/;
// Loopback, private and link-local addresses (a router's setup page), as links/ip-host reads them.
const LOCAL_IP =
  /^(?:127\.|10\.|192\.168\.|169\.254\.|0\.|172\.(?:1[6-9]|2\d|3[01])\.)|^\[(?:::1|f[cd]|fe80)/i;

// "www" run into the next word; www2, www-dev and the like are ordinary host names.
const FAKE_WWW = /^www(?!\d*$)[a-z][a-z0-9-]{2,}$/;

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

const JAPAN_PAGE = /\/(?:jp|ja|japan)\.(?:php\d?|html?|aspx?|jsp)$/i;

/** The path as a single base64 token whose text is a short printable id with a digit: `a3IwMDY1P3` (kr0065?). */
function encodedId(path: string): string | null {
  const m = /^\/([A-Za-z0-9+_-]{8,40}={0,2})\/?$/.exec(path);
  const t = m?.[1];
  if (!t || !/[A-Z]/.test(t) || !/[a-z]/.test(t)) return null;
  let text = '';
  try {
    text = atob(t.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
  } catch {
    return null;
  }
  return text.length >= 5 && /^[\x20-\x7e\n]+$/.test(text) && /\d/.test(text) && /[a-z]/i.test(text)
    ? `${t} = ${text.trim()}`
    : null;
}

const ACCOUNT_HOST =
  /^(?:service|support|user|account|member|customer|sso|id|auth|login|signin|verify|secure|help|mail)s?\d*$/;
// A sign-in page at most two folders down (/login, /user_login, /index/user/login.html).
const SIGN_IN_PAGE =
  /^\/(?:[^/]+\/){0,2}(?:[a-z]+[_-]?)?(?:login|signin|sign-in|logon)(?:\.(?:php|html?|jsp|aspx?))?$/i;
// A web-mail sign-in page (webmail_login.php, accessmailbox/login.php) on a site that is no mail provider.
const WEBMAIL_LOGIN = /(?:webmail|mailbox)[^/]*(?:\/[^/]*)?log[-_]?in/i;
const GLUED_LOGIN = /(?<=\/[a-z]{2,})log[-_]?in(?=\.[a-z]+$|\/?$)/i;
const RANDOM_KEY = /^\?([A-Za-z0-9]{12,40})=[A-Za-z0-9]{4,40}$/;

const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** An e-mail address after the # or encoded in base64 anywhere in the path, query or fragment. */
function carriedAddress(url: string): string | null {
  const hash = url.indexOf('#');
  if (hash >= 0) {
    let fragment = url.slice(hash + 1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {}
    const plain = ADDRESS.exec(fragment);
    if (plain) return `#${plain[0]}`;
  }
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  for (const token of rest.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
    let text = '';
    try {
      text = atob(token.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
    } catch {
      continue;
    }
    const m = ADDRESS.exec(text);
    if (m && /^[\x20-\x7e]*$/.test(text.slice(0, (m.index ?? 0) + m[0].length))) return `${token} = ${m[0]}`;
  }
  return null;
}

function pathAndQuery(url: string): { path: string; query: string } {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)(\?[^#]*)?/i.exec(url);
  return { path: m?.[1] ?? '', query: m?.[2] ?? '' };
}

// Four numbers of one to three digits joined by hyphens: an IPv4 address as a host label.
const IP_LABEL = /(?:^|[a-z-])(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})(?:$|-)/;
function ipOctets(label: string): boolean {
  const m = IP_LABEL.exec(label);
  return m ? m.slice(1, 5).every((o) => Number(o) <= 255) : false;
}

/**
 * An IPv4 address written into a host name: one label (35-72-13-210.example.com), or split over two labels as
 * reverse-DNS names write it (52.74-188-199.rdns.example.com).
 */
function ipInHost(host: string): string | null {
  for (const l of host.split('.')) if (IP_LABEL.test(l) && ipOctets(l)) return l;
  const split = /(?:^|\.)(\d{1,3})\.(\d{1,3}-\d{1,3}-\d{1,3})(?=\.)/.exec(host);
  const joined = split ? `${split[1]}-${split[2]}` : '';
  return joined && ipOctets(joined) ? joined : null;
}

/** Whether some run of `n` letters in the label reads as a word (deliv in jsdelivr, valve, books). */
function readableRun(label: string, n: number): boolean {
  for (const run of label.split(/[^a-z]+/))
    for (let i = 0; i + n <= run.length; i++) if (wordLike(run.slice(i, i + n))) return true;
  return false;
}

// What sites call the machines they number (web01, app2, node3, vps1, stg2).
const NUMBERED_SERVER =
  /^(?:web|srv|svr|server|host|node|vps|app|apps|db|gw|proxy|lb|edge|cache|origin|prod|stg|stage|test|demo|mail|www)-?$/;

/** A host label that is a code: letters and digits, at most six, not a numbered server or a site's section. */
function codedLabel(label: string, hosts: HostLists): string | null {
  if (!/^(?=[a-z-]*\d)(?=[0-9-]*[a-z])[a-z0-9-]{2,6}$/.test(label)) return null;
  const stem = label.replace(/\d+$/, '');
  // One or two letters and a number (s3, a1, sh1) is how many sites number their servers; a code has a hyphen, a
  // digit inside (7htt4) or three letters or more before its number (emv1).
  if (
    /^[a-z]{0,2}$/.test(stem) ||
    SITE_SECTION.test(stem) ||
    SERVER_LABEL.test(stem) ||
    NUMBERED_SERVER.test(stem) ||
    serviceLabel(stem, hosts)
  )
    return null;
  return label;
}

/** Each hyphen-separated part of a name reads as a word, a number after it allowed (tokyo-bento, shop24). */
function readsAsWords(name: string): boolean {
  return name.split('-').every((p) => /^\d*$/.test(p) || wordLike(p.replace(/\d+$/, '')));
}

/**
 * A registered name that is noise throughout: strongly machine-made, six letters or more, with no five letters that
 * read as a word, or (with a made-up host name in front) machine-made with no four letters that read. Five
 * consonants are as often a company's or a project's initials (msnbc, tcpdf).
 */
function noiseName(own: string, withSub: boolean): boolean {
  // A name with a version or year number after it (nghttp2, libfoo3): a project's.
  if (/^[a-z]+\d{1,2}$/.test(own)) return false;
  const r = randomness(own);
  return (r >= 2 && own.length >= 6 && !readableRun(own, 5)) || (withSub && noisy(own));
}

/** A name with machine-made letter pairs and no four letters that read (chnfy, vzonesc; not dropbox, canva). */
function noisy(name: string): boolean {
  return randomness(name) >= 1 && !readableRun(name, 4);
}

/** A name no one would say: noisy, or letters run into a number of two digits or more (99tbk, mycash68, ws5d). */
function unsayable(name: string): boolean {
  return noisy(name) || /\d{2}|[a-z]\d[a-z]/.test(name);
}

/** The signs of a throw-away phishing URL in one link, by kind. */
export function urlSigns(link: WebLink, hosts: HostLists, brands: BrandIndex): Signs {
  const found = new Map<Sign, string>();
  const h = link.host;
  const tld = h.host.split('.').pop() ?? '';
  let points = 0;
  if (!h.isIp && hosts.riskyTlds.includes(tld)) {
    found.set('tld', `.${tld}`);
    if (hosts.extremeTlds.includes(tld)) points++;
  }
  // A suffix in the Public Suffix List's private section (github.io, workers.dev, sakura.ne.jp) is a platform's:
  // each name under it is one of its users' sites, so it counts like listed free hosting.
  const platform = !h.isIp && !h.isIcann && h.publicSuffix ? h.publicSuffix : null;
  const hosting =
    findHost(h.host, hosts.dynamicDns) ??
    findHost(h.host, hosts.freeHosting) ??
    findHost(h.host, hosts.shorteners) ??
    platform;
  if (hosting && h.host !== hosting && h.host !== `www.${hosting}`) {
    found.set('hosting', hosting);
    // Anyone can point a dynamic DNS name at a home server in a minute; no company serves its site from one.
    // Nor from a platform's testing address that the platform itself says is not for production.
    if (findHost(h.host, hosts.dynamicDns) || findHost(h.host, hosts.notForProduction)) points++;
  }
  // Labels the owner chose: the registrable label under an ordinary or a platform's suffix (not a listed
  // service's own name, as xsrv in x.xsrv.jp); every label under free hosting.
  const userNamed = h.isIcann || hosting !== null;
  const serviceOwn = hosting !== null && h.registrableDomain === hosting;
  const own = userNamed && !serviceOwn ? (h.domainLabel?.split('.').pop() ?? '') : '';
  const subs = h.subdomain ? h.subdomain.split('.').filter((l) => l !== 'www' && l !== 'www2') : [];
  const { path, query } = pathAndQuery(link.destination);
  // The site's bare address, no page and no query: all it says is its name.
  const bare = (path === '' || path === '/') && query === '';
  // A bare IP address: no name at all, so nothing a company could be held to; a strong sign for a pasted URL.
  if (h.isIp && !LOCAL_IP.test(h.host)) {
    found.set('host', h.host);
    points++;
  }
  if (!h.isIp && userNamed) {
    const candidates = own ? [own, ...subs] : subs;
    const random = candidates.find(
      (l) =>
        randomness(l) >= 1 ||
        HASH_LABEL.test(l) ||
        (DIGIT_MIX.test(l) && !wordLike(l.replace(/\d/g, ''))) ||
        // A short meaningless name straight under a risky TLD: rhmyg.cn, ihqd.cn.
        (l === own &&
          found.has('tld') &&
          l.length >= 4 &&
          l.length <= 7 &&
          /^[a-z]+$/.test(l) &&
          !wordLike(l) &&
          !/[aeiou].*[aeiou]/.test(l)),
    );
    // Under a TLD common in phishing, a name with a letter pair no English word has (vexqua.xyz, kj3dq.shop) is
    // typed or generated rather than a name someone would say; on an ordinary TLD that alone says too little.
    const pseudo =
      found.has('tld') && !random
        ? candidates.find(
            (l) =>
              (l.length >= 5 && rarePairs(l, hosts) >= 1 && !wordLike(l)) ||
              // A number of five or more digits as the name (70812.xyz): nothing to read.
              /^\d{5,}$/.test(l) ||
              // Letters and digits mixed in a short name whose letters say nothing (rk4t, q7xm, 52hb).
              (/^(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{3,8}$/.test(l) &&
                /[a-z]\d|\d[a-z]/.test(l) &&
                !wordLike(l.replace(/\d/g, '')) &&
                // www1, mx2, ns1 and the like are numbered servers, not names.
                !/^www\d*$/.test(l) &&
                !serviceLabel(l, hosts)),
          )
        : undefined;
    // A registrar's bulk name: one to four letters and a number (hq582.com, 2071kz.com), registered by the thousand.
    const bulk = own && BULK_NAME.test(own) && !wordLike(own.replace(/\d/g, '')) ? own : undefined;
    const named = random ?? pseudo ?? (bare ? bulk : undefined);
    if (named) found.set('host', named);
    if (candidates.some((l) => mashed(l, hosts))) points++;
    // A bulk name given bare: the address is all there is (what an SMS lure links to). Only the bulk shape: other
    // odd-looking names given bare are as often a project's abbreviation (nghttp2.org, jsdelivr.com, vmware.com).
    else if (bare && bulk && named === bulk) points++;
    // A long name typed at random (asdfghjklzxcvbnm.com, djaihgiajowsfdjakjfw.com), or a long run of letters and
    // digits as a host in front of the name (prcdajdeeeeos…118283.example.com): one per campaign or per target.
    // Readable names that long are joined words (careerendeavourpublications), which read as ordinary.
    else if (
      (own.length >= 12 && randomness(own) >= 2) ||
      subs.some((l) => /^[a-z0-9]{16,}$/.test(l) && randomness(l) >= 1)
    )
      points++;
    // The bare address of a site whose registered name is noise from end to end (xutfjykx.com, 0.nhmcy.com,
    // ovqga.com with a made-up host in front): no page to name, nothing to read. A project's abbreviation mostly
    // carries a readable word (jsdelivr, nghttp2, vmware), so a name with one is left alone.
    if (bare && own && !/^www\d*$/.test(own) && noiseName(own, subs.length > 0)) found.set('bare', h.host);
    // A made-up host name in front of the domain, given bare (aqfwom.example.com/): a wildcard DNS record answers
    // every name under the domain and the kit varies it per message. A project's host reads in part (perlqt).
    else if (
      bare &&
      named !== undefined &&
      subs.includes(named) &&
      randomness(named) >= 1 &&
      !readableRun(named, 4)
    )
      found.set('bare', h.host);
  }
  // A bare address under a TLD common in phishing, whose name no one would say: what an SMS lure links to, the
  // throw-away name being the whole lure. A shop's, a person's or a compound name (tokyo-bento.shop, maylove.shop,
  // hokkaidoshop.shop) reads at least in part.
  if (bare && found.has('tld') && own.length >= 4 && !readsAsWords(own) && !readableRun(own, 5))
    found.set('bare', h.host);
  // A server's address written into its host name (it-35-72-13-210.example.com, 103-6-168-202.plesk.page): the
  // temporary name a hosting panel gives a new server before it has a domain; no company's site is read from it.
  const ipLabel = h.isIp ? null : ipInHost(h.host);
  if (ipLabel) {
    found.set('host', ipLabel);
    points++;
  }
  // A number of six or more digits as the registered name (688171.com): nothing to read, registered in bulk.
  if (own && /^\d{6,}$/.test(own)) {
    found.set('host', own);
    points++;
  }
  // A coded host name (letters and digits, six at most: emv1, z-7d9, c-5v3) in front of a registered name that does
  // not read, given bare: a per-campaign name under a throw-away domain. A site's numbered servers (www2, shop1, s3,
  // mx1) and its usual sections are not codes.
  const code =
    bare && subs.length === 1 && own && !readsAsWords(own) ? codedLabel(subs[0] as string, hosts) : null;
  if (code) {
    found.set('structure', code);
    points++;
  }
  // An account-service host name (service., support., sso., id., user., mail145.) in front of a registered name that
  // does not read, given bare: a throw-away domain dressed as a company's customer or sign-in host.
  else if (bare && subs.length === 1 && unsayable(own) && ACCOUNT_HOST.test(subs[0] as string)) {
    found.set('structure', subs[0] as string);
    points++;
  }
  // Three or more labels of its own before the registrable domain (my.x-y.account-login.example.co), or a
  // mail or hosting control panel's service name used as a web page.
  // "www" glued to the name (wwwsaisoncald.example.com, wwwexample.com): made to be read as www.<name> at a glance.
  // An underscore label (_.example.com) is no host name (RFC 1123 allows letters, digits and hyphens): it is what a
  // wildcard DNS record answers, set up so that any name under the domain reaches the kit.
  const glued =
    [...subs, own].find((l) => FAKE_WWW.test(l)) ??
    // www twice (www.www.example.com) or a Japanese domain ending inside the registered name (x-co-jp.com,
    // y-com-jp-account.com): both made to be read as a familiar address at a glance.
    (/(?:^|\.)www\d*\.www\d*(?:\.|$)/.test(h.subdomain) ? h.subdomain : undefined) ??
    (own && /(?:^|-)(?:co|com|ne|or)-jp(?:-|$)/.test(own) ? own : undefined);
  // A host that serves mail programs only (mta-sts, autodiscover, autoconfig, webdisk: hosting panels create them for
  // every domain, with a certificate) linked as a page for a person: a kit on a hacked account, or a made-up name.
  const noPage = subs.find(
    (l) =>
      hosts.noPageLabels.includes(l.replace(/^_/, '').replace(/\d+$/, '')) &&
      !/^\/(?:\.well-known\/|autodiscover\/autodiscover\.xml|mail\/config-v1\.1\.xml)/i.test(path),
  );
  // (A user name with an underscore on a blog platform, taro_y.example-blog.com, is not one.)
  const underscore = subs.find((l) => l.startsWith('_'));
  if (noPage && !glued && !underscore) {
    found.set('structure', noPage);
    points += 2;
  } else if (glued || underscore) {
    found.set('structure', glued ?? underscore ?? '');
    points++;
  } else if (subs.length >= 3) found.set('structure', h.subdomain);
  // A name or mail server's host name (ns2, mx1, smtp) linked as a page for a person: no site is served there.
  else if (subs.some((l) => SERVER_LABEL.test(l))) {
    found.set('structure', h.subdomain);
    points++;
  } else if (subs.some((l) => serviceLabel(l, hosts))) found.set('structure', h.subdomain);
  // A number as a host name (8804.example.com): one per target, made by a wildcard DNS record, not a site's part;
  // with a number as the page too (8804.example.com/1129) it is a kit's numbered copy.
  else if (subs.some((l) => /^\d{3,}$/.test(l))) {
    found.set('structure', h.subdomain);
    // With a number as the page too (8804.example.com/1129), or as the whole address: the kit's numbered copy.
    if (/^\/\d{3,}\/?$/.test(path) || bare) points++;
  }
  // Under a TLD common in phishing, a name in front of the registered one other than a site's usual parts (www,
  // m, blog, shop): kits answer every name under the domain and vary it per message, so blocking one misses the rest.
  else if (found.has('tld') && subs.some((l) => !SITE_SECTION.test(l))) found.set('structure', h.subdomain);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {}
  // Also a sign-in word glued to the end of the page's name (/appuserlogin, /userlogin, /memberlogin.html).
  const credential = CREDENTIAL_PATH.exec(decoded) ?? GLUED_LOGIN.exec(decoded);
  const brandPath = pathBrand(brands, link.destination);
  const kit = KIT_PAGE.test(decoded);
  const token = decoded.split('/').find(
    (t) =>
      (RANDOM_TOKEN.test(t) && randomness(t.replace(/=+$/, '').toLowerCase()) >= 1) ||
      // A short one as the whole page (/KxDaC, /ExMki): capitals inside and no word (/iPhone, /McAfee are words).
      (SHORT_TOKEN.test(t) && decoded.replace(/\/$/, '') === `/${t}` && !wordLike(t.toLowerCase())),
  );
  // A query that is one made-up word (?kqiuxat): a kit's tag for the message it went out in, not a parameter.
  const bareWord = /^\?([a-z]{5,12})$/.exec(query)?.[1];
  const tagged =
    (/^\?[a-z0-9]{4,12}=?\*?$/i.test(query) && randomness(query.replace(/\W/g, '')) >= 1) ||
    (bareWord !== undefined && !wordLike(bareWord));
  const why =
    credential?.[0] ?? (brandPath ? brandPath.fragment : kit ? decoded : (token ?? (tagged ? query : '')));
  // The sign-in page may be named in the host instead (login.x.cyou, account-verify.x.com).
  const credentialSub = subs.map((l) => CREDENTIAL_PATH.exec(l)?.[0]).find(Boolean);
  if (why) found.set('path', why.replace(/^[/._-]/, ''));
  else if (credentialSub) found.set('path', credentialSub.replace(/^[/._-]/, ''));
  // A brand's name on a program page of someone else's site (/rakuten/index.php, /aeon2.php, /biglobe/login.jsp):
  // a page made to be taken for the brand's. A brand in a path alone is weak (an article about it, yahoo0809.htm).
  if (brandPath && /\.(?:php\d?|jsp)$/i.test(decoded)) {
    found.set('path', `${brandPath.fragment}: ${decoded.slice(0, 60)}`);
    points++;
  }
  // A page named for the country (jp.php, japan.html, /ja.php): a kit's copy for Japanese readers on a site that is
  // not Japanese; a site's Japanese pages are a folder (/jp/, /ja/) with their own names.
  else if (tld !== 'jp' && JAPAN_PAGE.test(decoded)) {
    found.set('path', decoded.slice(0, 60));
    points++;
  }
  // A path that is one base64 token of a short printable id (a3IwMDY1P3 = kr0065?): an identifier per target
  // that the kit decodes; a site's own pages and a tracker's random ids do not decode to text.
  else if (encodedId(decoded)) {
    found.set('path', encodedId(decoded) as string);
    points++;
  }
  // A sign-in page (/login, /user_login, /index/user/login.html) on a site whose name no one would say (chnfy.com,
  // acomonlinec2.com): a kit's page on a throw-away name. A service's own sign-in page has a name people know.
  if (unsayable(own) && SIGN_IN_PAGE.test(path) && (query === '' || /^\?token=/i.test(query))) points++;
  // (A company's own web mail lives on its mail host: mail.example.com/webmail/login.php.)
  else if (WEBMAIL_LOGIN.test(decoded) && !subs.some((l) => /^(?:web)?mail\d*$/.test(l))) {
    found.set('path', WEBMAIL_LOGIN.exec(decoded)?.[0] ?? decoded);
    points++;
  }
  // A sign-in or verification word as the only thing after the site's address (/?verify, /?loginid=): the kit's own
  // switch for its sign-in page, with no page named.
  const credentialQuery =
    (path === '' || path === '/') && /^\?(?:[a-z]+[_-]?)?(?:login|signin|verify|auth)/i.exec(query)?.[0];
  if (credentialQuery && !found.has('path')) found.set('path', credentialQuery);
  // One query parameter whose name is a machine-made token (?AI8z91nw7HA9kL1Q8h=FoWPzlKZj): a kit's key that only
  // its own links carry, so scanners that drop or guess it see an empty page. Parameter names are words (id, page).
  const key = RANDOM_KEY.exec(query)?.[1];
  if (key && /[A-Z]/.test(key) && /[a-z]/.test(key) && /\d/.test(key)) {
    found.set('path', query.slice(0, 60));
    points++;
  }
  // The reader's e-mail address carried in the link, base64-encoded or after the #, so the fake sign-in page can
  // show it pre-filled (a kit's trait; newsletters' unsubscribe links put it plainly in the query).
  const carried = carriedAddress(link.destination);
  if (carried) {
    found.set('path', carried);
    points++;
  }
  // A Japanese organisation's domain written as a folder on a site outside .jp (/x.co.jp/, /mail.example.ne.jp/): the address
  // the reader knows, put where a glance at the URL finds it. Not after http(s):/ (an archive's copy of the page).
  const jpFolder =
    tld === 'jp'
      ? null
      : /(?:^|\/)(?<!:\/\/)((?:[a-z0-9-]+\.)*(?:co|ne|or|go|ac|ad|gr|ed|lg)\.jp)(?=\/|$)/i.exec(decoded);
  if (jpFolder?.[1]) {
    found.set('path', jpFolder[1]);
    points++;
  }
  // A page planted among a CMS's program files or the ACME/validation folder: a kit uploaded to a hacked site.
  const planted = plantedPage(decoded);
  if (planted) {
    found.set('path', planted);
    points++;
  }
  return { found, points: points + found.size };
}

const LABEL: Record<Sign, { ja: string; en: string }> = {
  tld: { ja: '詐欺に多いトップレベルドメイン', en: 'a top-level domain common in phishing' },
  host: { ja: '無意味な文字列のホスト名', en: 'a meaningless host name' },
  hosting: { ja: '誰でも作れる無料サービス上のアドレス', en: 'an address on a free service anyone can use' },
  path: {
    ja: 'ログインページや詐欺キットに典型的なパス',
    en: 'a path typical of sign-in pages or phishing kits',
  },
  structure: { ja: '不自然に深い、または不自然なサブドメイン', en: 'unusually deep or odd subdomains' },
  bare: {
    ja: 'ページの指定がなく、使い捨てに見えるアドレスだけのリンク',
    en: 'a bare address with no page, the whole lure being a throw-away name',
  },
};

/**
 * A bare URL (what a user pastes into `sagicheck url`) carries no sender and no text: its shape is all the evidence.
 * Several independent signs together (a TLD common in phishing, a machine-made host name, a kit's page) are what a
 * throw-away phishing URL looks like; each alone is common on ordinary sites, and the other link rules weigh them.
 */
export default defineRule({
  meta: {
    id: 'links/url-profile',
    family: 'links',
    category: 'phishing',
    weight: 30,
    description: {
      ja: 'URL の形（ドメインの種類・ホスト名・パス）に、使い捨ての詐欺サイトの特徴が複数重なっている',
      en: 'The URL combines several traits of throw-away phishing sites (its domain, host name and path)',
    },
  },
  check({ message, links, data, brands }) {
    if (message.kind !== 'url') return null;
    let best: { link: WebLink; signs: Signs } | null = null;
    for (const link of webLinks(links)) {
      if (link.source !== 'input' || brandOfDomain(brands, link.host.registrableDomain)) continue;
      if (findHost(link.host.host, data.hosts.sharedEsp)) continue;
      const signs = urlSigns(link, data.hosts, brands);
      if (!best || signs.points > best.signs.points) best = { link, signs };
    }
    if (!best || best.signs.points < 2) return null;
    const n = best.signs.found.size;
    const parts = [...best.signs.found.entries()];
    return {
      // Two independent kinds of evidence, or one strong kind (a machine-made name, a planted page, a disguised
      // address), are enough to warn about a URL on its own; each weak kind alone is common on ordinary sites.
      weight: 30,
      evidence: [linkEvidence(best.link)],
      message: {
        ja: `URL ${shown(best.link)} には使い捨ての詐欺サイトの特徴が${n > 1 ? `${n}つ重なって` : '強く表れて'}います: ${parts.map(([k, v]) => `${LABEL[k].ja}（${v}）`).join('、')}`,
        en: `The URL ${shown(best.link)} combines ${n > 1 ? n : 'strong'} traits of throw-away phishing sites: ${parts.map(([k, v]) => `${LABEL[k].en} (${v})`).join(', ')}`,
      },
      links: [best.link],
    };
  },
});
