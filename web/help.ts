/**
 * How to get a message's full source (or forward it as an attachment) from the mail apps people in Japan use.
 * Every step names the page it comes from (web/help-sources.json); what no page we found confirms is said plainly.
 */
import type { Text } from '../src/engine/report.js';
import { h } from './dom.js';
import { lang, pick, t } from './i18n.js';

interface Source {
  id: string;
  client: string;
  official: boolean;
  publisher: string;
  title: string;
  url: string;
  checked: string;
}

interface Section {
  id: string;
  title: Text;
  steps: Text[];
  unverified: Text[];
  sources: string[];
}

const SECTIONS: Section[] = [
  {
    id: 'gmail',
    title: { ja: 'Gmail（パソコンのブラウザ）', en: 'Gmail (in a computer’s browser)' },
    steps: [
      {
        ja: 'メールを開き、右上の「︙」（その他）を押します。',
        en: 'Open the mail and click “⋮” (More) at its top right.',
      },
      {
        ja: '「メッセージのソースを表示」を選ぶと、ソースが新しいタブに出ます。',
        en: 'Choose “Show original”: the source opens in a new tab.',
      },
      {
        ja: '「オリジナルをダウンロード」で保存したファイルをこのページに入れるか、「クリップボードにコピー」して貼り付けます。',
        en: 'Drop the file saved with “Download original” here, or use “Copy to clipboard” and paste it.',
      },
    ],
    unverified: [
      {
        ja: 'Google 公式のヘルプページは今回の調査では見つけられませんでした。上の手順は下の解説ページによります。画面の文言は変わることがあります。',
        en: 'We did not find Google’s own help page for this; the steps follow the guides below, and the wording on screen may change.',
      },
      {
        ja: 'スマートフォンの Gmail アプリではソースを表示できない、という解説があります（公式には未確認）。スマートフォンではブラウザで Gmail を開いてください。',
        en: 'A guide says the Gmail phone app cannot show the original (not confirmed officially); on a phone, open Gmail in the browser instead.',
      },
    ],
    sources: ['gmail-gluegent', 'gmail-ajaxtower', 'gmail-eyewated'],
  },
  {
    id: 'outlook',
    title: { ja: 'Outlook（Web版・パソコン版）', en: 'Outlook (on the web and desktop)' },
    steps: [
      {
        ja: 'Web版（Outlook.com など）と新しい Outlook for Windows: メールの「…」（その他の操作）→「表示」→「メッセージのソースを表示」。全体を選んでコピーし、ここに貼り付けます。',
        en: 'On the web (Outlook.com) and the new Outlook for Windows: the mail’s “…” (More actions) → “View” → “View message source”. Select all, copy and paste it here.',
      },
      {
        ja: '従来のパソコン版: メールをダブルクリックして別ウィンドウで開き、「ファイル」→「プロパティ」の「インターネット ヘッダー」でヘッダーが見られます（本文は含まれません）。',
        en: 'Classic desktop Outlook: open the mail in its own window, then File → Properties shows the “Internet headers” (without the body).',
      },
      {
        ja: 'パソコン版ではメールをデスクトップへドラッグすると .msg ファイルになります。その .msg をここに入れてください。',
        en: 'In desktop Outlook, dragging a mail to the desktop makes a .msg file; drop that .msg here.',
      },
    ],
    unverified: [
      {
        ja: 'Microsoft 公式のヘルプページは今回の調査では見つけられませんでした。「添付ファイルとして転送」の手順も出典を確認できていないため、ここには書いていません。',
        en: 'We did not find Microsoft’s own help page; nor a source for “Forward as attachment”, so it is not described here.',
      },
    ],
    sources: [
      'outlook-web-lifewire',
      'outlook-desktop-engrmemo',
      'outlook-desktop-sonet',
      'outlook-msg-ms-blog',
      'outlook-msg-drag',
    ],
  },
  {
    id: 'iphone',
    title: { ja: 'iPhone の「メール」アプリ', en: 'iPhone Mail' },
    steps: [
      {
        ja: '確かめたいメールの本文をコピーしてここに貼り付けると、文言とリンクは調べられます。',
        en: 'Copy the mail’s text and paste it here: its wording and links can be checked.',
      },
      {
        ja: '送信元が本物かどうか（ヘッダー）まで調べるには、同じメールを Gmail や Outlook などパソコンのブラウザで開き、上の手順でソースを取り出してください。',
        en: 'To check whether the sender is real (the headers), open the same mail in Gmail or Outlook in a computer’s browser and get its source as above.',
      },
    ],
    unverified: [
      {
        ja: 'iPhone の「メール」アプリでソースを表示する方法や、メールを添付ファイルとして転送する方法は、Apple の説明として確認できませんでした。Apple の案内（写し）は、Mac のメールでの「添付ファイルとして転送」だけを挙げ、そのほかのアプリはプロバイダに確認するよう書いています。',
        en: 'We could not confirm, from Apple, a way to show the source or forward as an attachment in iPhone Mail. Apple’s note (a copy) names only Forward As Attachment in Mail on the Mac and tells users of other apps to ask their provider.',
      },
    ],
    sources: ['apple-phishing-copy'],
  },
  {
    id: 'docomo',
    title: { ja: 'ドコモメール（docomo）', en: 'docomo mail' },
    steps: [
      {
        ja: '迷惑メールは、受信メール画面のサブメニューなどからドコモの報告用アドレスへ直接転送できます（宛先や日時を入力する必要はありません）。',
        en: 'Spam can be forwarded straight to docomo’s report address from the received mail’s sub-menu (no need to type the address or date).',
      },
      {
        ja: 'このページで調べるには、本文をコピーして貼り付けてください。',
        en: 'To check it here, copy the text and paste it.',
      },
    ],
    unverified: [
      {
        ja: 'ドコモメールでメールのソース（ヘッダー全体）を取り出す方法は、ドコモの公式ページとして確認できませんでした。',
        en: 'We could not confirm on docomo’s site how to get a mail’s full source (all headers) in docomo mail.',
      },
    ],
    sources: ['docomo-report'],
  },
  {
    id: 'au',
    title: { ja: 'auメール', en: 'au mail' },
    steps: [
      {
        ja: 'スマートフォンでのヘッダー表示機能は 2017年7月31日で終了しました。同じ機能はパソコン・タブレットから au の「Webメール」で使えます。',
        en: 'Showing headers on the phone ended on 31 July 2017; the same is available in au’s “Webメール” from a computer or tablet.',
      },
      {
        ja: 'Webメールで表示したヘッダーと本文をコピーして、ここに貼り付けてください。',
        en: 'Copy the headers and text shown there and paste them here.',
      },
    ],
    unverified: [],
    sources: ['au-header'],
  },
  {
    id: 'softbank',
    title: { ja: 'ソフトバンク（S!メール・Eメール(i)）', en: 'SoftBank (S!Mail, Email (i))' },
    steps: [
      {
        ja: 'ソフトバンクの「Eメールヘッダ情報閲覧機能」で、メールの経路（Received）、差出人（From）、件名、宛先が見られ、ファイルに保存できます。',
        en: 'SoftBank’s header viewer shows a mail’s route (Received), From, Subject and To, and can save them to a file.',
      },
      {
        ja: '迷惑メールは本文を変えずにソフトバンクの申告窓口へ転送できます（iPhone 以外はメール画面のメニューの「迷惑メール申告」）。',
        en: 'Spam can be forwarded unchanged to SoftBank’s report address (on phones other than iPhone: “迷惑メール申告” in the mail’s menu).',
      },
    ],
    unverified: [],
    sources: ['softbank-header', 'softbank-report'],
  },
];

let loaded: Source[] | null = null;

async function sources(): Promise<Source[]> {
  if (loaded) return loaded;
  try {
    const res = await fetch('/app/help-sources.json', { cache: 'no-cache' });
    const json = (await res.json()) as { sources: Source[] };
    loaded = json.sources;
  } catch {
    loaded = [];
  }
  return loaded;
}

export async function renderHelp(): Promise<HTMLElement> {
  const all = await sources();
  const byId = new Map(all.map((s) => [s.id, s]));
  const toc = h(
    'nav',
    { class: 'toc', 'aria-label': t('navHelp') },
    h(
      'ul',
      {},
      SECTIONS.map((sec) => h('li', {}, h('a', { href: `#/help/${sec.id}` }, pick(sec.title)))),
    ),
  );
  return h(
    'section',
    { class: 'page help', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: -1 }, t('helpHeading')),
    h('p', { class: 'intro' }, t('helpIntro')),
    toc,
    SECTIONS.map((sec) =>
      h(
        'section',
        { class: 'card', id: `help-${sec.id}`, 'aria-labelledby': `help-${sec.id}-t` },
        h('h2', { id: `help-${sec.id}-t` }, pick(sec.title)),
        h(
          'ol',
          {},
          sec.steps.map((s) => h('li', {}, pick(s))),
        ),
        sec.unverified.length
          ? h(
              'div',
              { class: 'unverified' },
              h('p', { class: 'unverified-title' }, t('helpUnverified')),
              h(
                'ul',
                {},
                sec.unverified.map((u) => h('li', {}, pick(u))),
              ),
            )
          : null,
        h(
          'details',
          { class: 'sources', open: true },
          h('summary', {}, t('helpSources')),
          h(
            'ul',
            {},
            sec.sources.map((id) => {
              const src = byId.get(id);
              if (!src) return h('li', {}, id);
              return h(
                'li',
                {},
                h('a', { href: src.url, rel: 'noopener noreferrer', target: '_blank' }, src.title),
                ` — ${src.publisher} (`,
                src.official ? t('helpOfficial') : t('helpThirdParty'),
                `; ${t('helpChecked')} ${src.checked})`,
              );
            }),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      lang() === 'ja'
        ? '出典はすべて web/help-sources.json にあります。'
        : 'All sources are listed in web/help-sources.json.',
    ),
  );
}
