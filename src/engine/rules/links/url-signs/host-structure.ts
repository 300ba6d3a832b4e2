import type { HostLists } from '../../../data/types.js';
import { readsAsWords, serviceLabel, unsayable } from './labels.js';
import type { Tally, UrlParts } from './url-parts.js';

// Servers that speak DNS or mail, not HTTP to readers (a number after them counts: ns2, mx1, smtp3).
const SERVER_LABEL = /^(?:ns|dns|mx|smtp|imap|pop|pop3)\d*$/;

// A site's usual parts in front of its name: a numbered www, the mobile site, a blog or shop section, a language.
const SITE_SECTION =
  /^(?:www\d*|m|mobile|wap|blog|shop|store|news|cdn|static|img|images?|media|en|zh|cn|api|docs?|wiki|lists?|mailing-list|forums?|dev|git|ftp|downloads?)$/;

// "www" run into the next word; www2, www-dev and the like are ordinary host names.
const FAKE_WWW = /^www(?!\d*$)[a-z][a-z0-9-]{2,}$/;

const ACCOUNT_HOST =
  /^(?:service|support|user|account|member|customer|sso|id|auth|login|signin|verify|secure|help|mail)s?\d*$/;

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

/** The labels in front of the registered name: a code, a service's, a disguise, too many (`structure`). */
export function structureSigns({ h, own, subs, path, bare }: UrlParts, t: Tally, hosts: HostLists): void {
  const { found } = t;
  // A coded host name (letters and digits, six at most: emv1, z-7d9, c-5v3) in front of a registered name that does
  // not read, given bare: a per-campaign name under a throw-away domain. A site's numbered servers (www2, shop1, s3,
  // mx1) and its usual sections are not codes.
  const code =
    bare && subs.length === 1 && own && !readsAsWords(own) ? codedLabel(subs[0] as string, hosts) : null;
  if (code) {
    found.set('structure', code);
    t.extra++;
  }
  // An account-service host name (service., support., sso., id., user., mail145.) in front of a registered name that
  // does not read, given bare: a throw-away domain dressed as a company's customer or sign-in host.
  else if (bare && subs.length === 1 && unsayable(own) && ACCOUNT_HOST.test(subs[0] as string)) {
    found.set('structure', subs[0] as string);
    t.extra++;
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
    t.extra += 2;
  } else if (glued || underscore) {
    found.set('structure', glued ?? underscore ?? '');
    t.extra++;
  } else if (subs.length >= 3) found.set('structure', h.subdomain);
  // A name or mail server's host name (ns2, mx1, smtp) linked as a page for a person: no site is served there.
  else if (subs.some((l) => SERVER_LABEL.test(l))) {
    found.set('structure', h.subdomain);
    t.extra++;
  } else if (subs.some((l) => serviceLabel(l, hosts))) found.set('structure', h.subdomain);
  // A number as a host name (8804.example.com): one per target, made by a wildcard DNS record, not a site's part;
  // with a number as the page too (8804.example.com/1129) it is a kit's numbered copy.
  else if (subs.some((l) => /^\d{3,}$/.test(l))) {
    found.set('structure', h.subdomain);
    // With a number as the page too (8804.example.com/1129), or as the whole address: the kit's numbered copy.
    if (/^\/\d{3,}\/?$/.test(path) || bare) t.extra++;
  }
  // Under a TLD common in phishing, a name in front of the registered one other than a site's usual parts (www,
  // m, blog, shop): kits answer every name under the domain and vary it per message, so blocking one misses the rest.
  else if (found.has('tld') && subs.some((l) => !SITE_SECTION.test(l))) found.set('structure', h.subdomain);
}
