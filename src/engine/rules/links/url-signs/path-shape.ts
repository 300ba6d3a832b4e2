import { type BrandIndex, pathBrand } from '../../../analysis/brands.js';
import { randomness, wordLike } from '../../../analysis/url.js';
import { CREDENTIAL_PATH } from '../common.js';
import { unsayable } from './labels.js';
import { encodedId } from './path-payload.js';
import type { Tally, UrlParts } from './url-parts.js';

// A page of a phishing kit: a PHP page at the top of the site or one level down, or /jp/.
const KIT_PAGE = /^\/(?:[^/]+\/)?[^/]*\.php$|^\/jp(?:\/|\.\w+$|$)|^\/(?:[^/]+\/)?(?:jp|ja)\.html?$/i;
// A token in the path that is machine-made: base64 or a mixed-case id (a3IwMDY1P3, mY6v2T, EcAEQxR).
const SHORT_TOKEN = /^(?=[A-Za-z]*[a-z][A-Z])[A-Za-z]{4,8}$/;
const RANDOM_TOKEN = /^(?=[a-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{6,40}={0,2}$/;

const JAPAN_PAGE = /\/(?:jp|ja|japan)\.(?:php\d?|html?|aspx?|jsp)$/i;

// A sign-in page at most two folders down (/login, /user_login, /index/user/login.html).
const SIGN_IN_PAGE =
  /^\/(?:[^/]+\/){0,2}(?:[a-z]+[_-]?)?(?:login|signin|sign-in|logon)(?:\.(?:php|html?|jsp|aspx?))?$/i;
// A web-mail sign-in page (webmail_login.php, accessmailbox/login.php) on a site that is no mail provider.
const WEBMAIL_LOGIN = /(?:webmail|mailbox)[^/]*(?:\/[^/]*)?log[-_]?in/i;
const GLUED_LOGIN = /(?<=\/[a-z]{2,})log[-_]?in(?=\.[a-z]+$|\/?$)/i;

/**
 * The page: a sign-in or kit page, a machine-made token or tag, a brand's or Japan's page, an encoded id (`path`).
 */
export function pathSigns(u: UrlParts, t: Tally, brands: BrandIndex): void {
  const { link, tld, own, subs, path, query, decoded } = u;
  const { found } = t;
  // Also a sign-in word glued to the end of the page's name (/appuserlogin, /userlogin, /memberlogin.html).
  const credential = CREDENTIAL_PATH.exec(decoded) ?? GLUED_LOGIN.exec(decoded);
  const brandPath = pathBrand(brands, link.destination);
  const kit = KIT_PAGE.test(decoded);
  const token = decoded.split('/').find(
    (part) =>
      (RANDOM_TOKEN.test(part) && randomness(part.replace(/=+$/, '').toLowerCase()) >= 1) ||
      // A short one as the whole page (/KxDaC, /ExMki): capitals inside and no word (/iPhone, /McAfee are words).
      (SHORT_TOKEN.test(part) && decoded.replace(/\/$/, '') === `/${part}` && !wordLike(part.toLowerCase())),
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
    t.extra++;
  }
  // A page named for the country (jp.php, japan.html, /ja.php): a kit's copy for Japanese readers on a site that is
  // not Japanese; a site's Japanese pages are a folder (/jp/, /ja/) with their own names.
  else if (tld !== 'jp' && JAPAN_PAGE.test(decoded)) {
    found.set('path', decoded.slice(0, 60));
    t.extra++;
  }
  // A path that is one base64 token of a short printable id (a3IwMDY1P3 = kr0065?): an identifier per target
  // that the kit decodes; a site's own pages and a tracker's random ids do not decode to text.
  else if (encodedId(decoded)) {
    found.set('path', encodedId(decoded) as string);
    t.extra++;
  }
  // A sign-in page (/login, /user_login, /index/user/login.html) on a site whose name no one would say (chnfy.com,
  // acomonlinec2.com): a kit's page on a throw-away name. A service's own sign-in page has a name people know.
  if (unsayable(own) && SIGN_IN_PAGE.test(path) && (query === '' || /^\?token=/i.test(query))) t.extra++;
  // (A company's own web mail lives on its mail host: mail.example.com/webmail/login.php.)
  else if (WEBMAIL_LOGIN.test(decoded) && !subs.some((l) => /^(?:web)?mail\d*$/.test(l))) {
    found.set('path', WEBMAIL_LOGIN.exec(decoded)?.[0] ?? decoded);
    t.extra++;
  }
  // A sign-in or verification word as the only thing after the site's address (/?verify, /?loginid=): the kit's own
  // switch for its sign-in page, with no page named.
  const credentialQuery =
    (path === '' || path === '/') && /^\?(?:[a-z]+[_-]?)?(?:login|signin|verify|auth)/i.exec(query)?.[0];
  if (credentialQuery && !found.has('path')) found.set('path', credentialQuery);
}
