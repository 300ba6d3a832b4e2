import type { HostLists } from '../../data/types.js';
import { hostOf, indicatorIndex, normaliseUrl } from '../../indicators.js';
import type { Hit } from '../../rule.js';
import { defineRule } from '../../rule.js';

/** A link on a phishing list the user imported (JPCERT/CC, PhishTank, OpenPhish). */
export default defineRule({
  meta: {
    id: 'indicator/listed',
    family: 'indicator',
    category: 'phishing',
    weight: 80,
    description: {
      ja: 'リンク先がフィッシングサイトの一覧に載っている',
      en: 'A link is on a list of known phishing sites',
    },
  },
  check({ data, links }) {
    const list = data.indicators ?? [];
    if (list.length === 0) return null;
    const index = indicatorIndex(list);
    const hits: Hit[] = [];
    for (const link of links) {
      const exact = index.urls.get(normaliseUrl(link.destination));
      const host = hostOf(link.destination);
      // A host match counts only where the host is not shared by many sites (free hosting, shorteners).
      const byHost = exact ? undefined : shared(host, data.hosts) ? undefined : index.hosts.get(host);
      const ind = exact ?? byHost;
      if (!ind) continue;
      const when = ind.date ? ` (${ind.date})` : '';
      hits.push({
        weight: exact ? 80 : 60,
        evidence: [
          { kind: 'link', value: link.destination, where: link.source },
          { kind: 'indicator', value: `${ind.value} — ${ind.source}${when}`, where: exact ? 'url' : 'host' },
        ],
        message: {
          ja: `リンク先${exact ? '' : 'のホスト'}が「${ind.source}」のフィッシング一覧${when}に載っています`,
          en: `The link${exact ? '' : "'s host"} is on the phishing list "${ind.source}"${when}`,
        },
        links: [link],
      });
      if (hits.length >= 5) break;
    }
    return hits;
  },
});

function shared(host: string, hosts: HostLists): boolean {
  return [...hosts.freeHosting, ...hosts.shorteners, ...hosts.dynamicDns].some(
    (h) => host === h || host.endsWith(`.${h}`),
  );
}
