/** The page's two languages: Japanese by default when the browser prefers it, the choice remembered. */
import type { Text, Verdict } from '../src/engine/report.js';

export type Lang = 'ja' | 'en';

const KEY = 'sagicheck.lang';

function stored(): Lang | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'ja' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

/** The first of the browser's languages that is Japanese or English decides; neither → English. */
export function preferred(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'ja') return 'ja';
    if (base === 'en') return 'en';
  }
  return 'en';
}

let current: Lang =
  stored() ?? preferred(navigator.languages?.length ? navigator.languages : [navigator.language]);

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = l;
}

export function pick(t: Text): string {
  return t[current];
}

const S = {
  title: { ja: 'sagicheck 詐欺チェック', en: 'sagicheck — is it a scam?' },
  navCheck: { ja: 'チェック', en: 'Check' },
  navHistory: { ja: '履歴', en: 'History' },
  navDashboard: { ja: 'ダッシュボード', en: 'Dashboard' },
  navHelp: { ja: 'メールのソースの取り出し方', en: 'Getting a mail’s source' },
  switchLang: { ja: 'English', en: '日本語' },
  switchLangLabel: { ja: 'Switch to English', en: '日本語に切り替え' },
  checkHeading: { ja: 'このメール・SMS・URLは詐欺？', en: 'Is this mail, SMS or link a scam?' },
  checkIntro: {
    ja: 'メールのファイル（.eml / .msg）を入れるか、メールのソース・SMSの本文・URLを貼り付けてください。リンクは開かずに調べます。',
    en: 'Drop the mail file (.eml / .msg), or paste the mail’s source, the SMS text or the link. Nothing in it is opened.',
  },
  inputLabel: { ja: 'メールのソース・SMSの本文・URL', en: 'Mail source, SMS text or URL' },
  inputPlaceholder: {
    ja: '例: 「お客様のアカウントが一時的に停止されました…」や https://… を貼り付け',
    en: 'e.g. paste “Your account has been suspended…” or https://…',
  },
  detected: { ja: '判定する種類', en: 'Checking as' },
  kindEmail: { ja: 'メールのソース', en: 'mail source' },
  kindText: { ja: 'SMS・チャットの本文', en: 'SMS or chat text' },
  kindUrl: { ja: 'URL', en: 'URL' },
  kindEmpty: { ja: '（まだ入力がありません）', en: '(nothing yet)' },
  dropLabel: {
    ja: 'メールのファイルを選ぶ、またはここにドロップ',
    en: 'Choose a mail file, or drop it here',
  },
  dropHint: {
    ja: '.eml（メールのソース）または .msg（Outlook）。ソースの取り出し方はヘルプへ。',
    en: '.eml (mail source) or .msg (Outlook). See help for how to get one.',
  },
  fileChosen: { ja: '選んだファイル', en: 'Chosen file' },
  clearFile: { ja: 'ファイルを外す', en: 'Remove file' },
  checkButton: { ja: 'チェックする', en: 'Check it' },
  checking: { ja: 'チェック中…', en: 'Checking…' },
  nothingToCheck: {
    ja: 'ファイルを選ぶか、本文を貼り付けてください。',
    en: 'Choose a file or paste something first.',
  },
  resultHeading: { ja: 'チェック結果', en: 'Result' },
  score: { ja: '危険度', en: 'Risk score' },
  claimsToBe: { ja: '名乗っている送信者', en: 'Claims to be' },
  reallySent: { ja: '実際の送信元', en: 'Really sent by' },
  notProven: { ja: '確認できません', en: 'Cannot be confirmed' },
  provenBy: { ja: '確認した受信サーバー', en: 'Confirmed by' },
  brand: { ja: 'ブランド', en: 'Brand' },
  address: { ja: 'アドレス', en: 'Address' },
  name: { ja: '表示名', en: 'Display name' },
  none: { ja: '（なし）', en: '(none)' },
  genuine: { ja: '正規の送信元です', en: 'Genuine sender' },
  advice: { ja: '今すぐすること', en: 'What to do now' },
  links: { ja: 'リンクの一覧', en: 'Every link' },
  linksNone: { ja: 'リンクはありません。', en: 'No links.' },
  linkText: { ja: '表示されている文字', en: 'Text shown' },
  linkDest: { ja: '実際のリンク先', en: 'Real destination' },
  linkWhy: { ja: '危険な理由', en: 'Why it is risky' },
  linkOk: { ja: '問題は見つかっていません', en: 'Nothing found' },
  linkRedirect: { ja: '書かれたURL', en: 'Written as' },
  findings: { ja: '見つかった問題点', en: 'What we found' },
  findingsNone: { ja: '問題点は見つかりませんでした。', en: 'Nothing suspicious was found.' },
  weight: { ja: '重み', en: 'weight' },
  evidence: { ja: '根拠', en: 'Evidence' },
  preview: { ja: 'メールの表示（安全なプレビュー）', en: 'The message (safe preview)' },
  previewNote: {
    ja: '画像・スクリプト・リンクは無効にしてあります。黄色は怪しい文言、赤は危険なリンクです（マウスを重ねると理由が出ます）。',
    en: 'Images, scripts and links are disabled. Yellow marks suspicious wording, red marks risky links (hover for the reason).',
  },
  previewTitle: { ja: 'メールの安全なプレビュー', en: 'Safe preview of the message' },
  problems: { ja: '読めなかった部分', en: 'Parts that could not be read' },
  feedback: { ja: 'この判定は間違っている', en: 'This verdict is wrong' },
  feedbackExpected: { ja: '正しい判定', en: 'The right verdict' },
  feedbackComment: { ja: 'コメント（任意）', en: 'Comment (optional)' },
  feedbackSend: { ja: '送る', en: 'Send' },
  feedbackDone: { ja: '「判定が間違っている」と報告済みです', en: 'You reported this verdict as wrong' },
  feedbackThanks: {
    ja: 'ありがとうございます。報告を保存しました。',
    en: 'Thank you — your report is saved.',
  },
  marks: { ja: 'この送信元', en: 'This sender' },
  trust: { ja: '信頼する', en: 'Trust' },
  block: { ja: 'ブロックする', en: 'Block' },
  unmark: { ja: '登録を外す', en: 'Remove' },
  markedTrusted: { ja: 'あなたが「信頼する」に登録した送信元です', en: 'You marked this sender as trusted' },
  markedBlocked: { ja: 'あなたが「ブロック」に登録した送信元です', en: 'You marked this sender as blocked' },
  markSaved: {
    ja: '登録しました。次のチェックから表示されます。',
    en: 'Saved; it shows on your next checks.',
  },
  historyHeading: { ja: 'チェックの履歴', en: 'History of checks' },
  historyEmpty: { ja: 'まだチェックがありません。', en: 'No checks yet.' },
  questionsHeading: { ja: '心当たりはありますか？', en: 'Did you do this?' },
  questionsIntro: {
    ja: '次のメールは本物の通知です（送信元を認証済み）。自分の注文・ログイン・変更でなければ、アカウントが乗っ取られている可能性があります。メール内のリンクではなく、公式アプリかブックマークから確認してください。',
    en: 'These mails are genuine notices (the sender is authenticated). If the order, sign-in or change was not yours, the account may have been taken over: check it from the official app or your bookmark, not from links in the mail.',
  },
  questionsNotMe: { ja: '自分ではない：回復プランへ', en: 'Not me: open the recovery plan' },
  more: { ja: 'さらに表示', en: 'Show more' },
  when: { ja: '日時', en: 'When' },
  kind: { ja: '種類', en: 'Kind' },
  verdict: { ja: '判定', en: 'Verdict' },
  subject: { ja: '件名・送信元', en: 'Subject / sender' },
  open: { ja: '開く', en: 'Open' },
  dashboardHeading: { ja: 'ダッシュボード（直近30日）', en: 'Dashboard (last 30 days)' },
  chartByDay: { ja: '日ごとのチェック数（判定別）', en: 'Checks per day, by verdict' },
  chartBrands: { ja: 'なりすまされたブランド', en: 'Most impersonated brands' },
  chartLures: { ja: '多い誘い文句の種類', en: 'Top lure types' },
  chartEmpty: { ja: 'まだデータがありません。', en: 'No data yet.' },
  chartTable: { ja: '数値を表で見る', en: 'Show the figures as a table' },
  count: { ja: '件数', en: 'Count' },
  day: { ja: '日付', en: 'Day' },
  tokenHeading: { ja: 'アクセス トークン', en: 'Access token' },
  tokenIntro: {
    ja: 'このサーバーはトークンが必要です。管理者から受け取ったトークンを入力してください（このブラウザに保存されます）。',
    en: 'This server needs an access token. Enter the token you were given (it is kept in this browser).',
  },
  tokenLabel: { ja: 'トークン', en: 'Token' },
  tokenSave: { ja: '保存して続ける', en: 'Save and continue' },
  tokenWrong: { ja: 'トークンが正しくありません。', en: 'That token is not valid.' },
  error: { ja: 'エラー', en: 'Error' },
  notFound: { ja: 'ページが見つかりません。', en: 'Page not found.' },
  recoverMissing: {
    ja: '復旧プランはまだこのサーバーにありません。',
    en: 'The recovery plan is not available on this server yet.',
  },
  footer: {
    ja: 'チェックした内容はこのサーバーのデータベースにだけ保存され、保存期間を過ぎると削除されます。',
    en: 'What you check is stored only in this server’s database and deleted after the retention period.',
  },
  retention: { ja: '保存期間', en: 'Kept for' },
  days: { ja: '日', en: 'days' },
  helpHeading: {
    ja: 'メールの「ソース」を取り出す・添付ファイルとして転送する',
    en: 'Getting a mail’s full source, or forwarding it as an attachment',
  },
  helpIntro: {
    ja: '送信元が本物かどうかは、メールの「ソース」（ヘッダーを含む元のデータ全体）で確かめます。本文だけを貼り付けると、送信元の認証結果は調べられません。',
    en: 'Whether the sender is real is told by the mail’s full source (the original data with all headers). Pasting only the body cannot show who really sent it.',
  },
  helpSources: { ja: '出典', en: 'Sources' },
  helpChecked: { ja: '確認日', en: 'checked' },
  helpOfficial: { ja: '公式', en: 'official' },
  helpThirdParty: { ja: '公式ではない解説', en: 'not official' },
  helpUnverified: { ja: '確認できていないこと', en: 'Not confirmed' },
} satisfies Record<string, Text>;

export type Key = keyof typeof S;

export function t(key: Key): string {
  return S[key][current];
}

/** `t` for a page's own table: the text in the page's language, each {name} filled from `vars`. */
export function texts<K extends string>(table: Record<K, Text>) {
  return (key: K, vars: Record<string, string | number> = {}): string =>
    table[key][current].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''));
}

const VERDICT: Record<Verdict, { title: Text; sub: Text }> = {
  phishing: {
    title: { ja: '危険：フィッシング詐欺のメッセージです', en: 'Danger: this is a phishing message' },
    sub: {
      ja: 'リンクを開いたり、ID・パスワード・カード番号を入力したりしないでください。',
      en: 'Do not open its links or enter any ID, password or card number.',
    },
  },
  scam: {
    title: { ja: '危険：詐欺のメッセージです', en: 'Danger: this is a scam' },
    sub: {
      ja: '支払い・連絡・個人情報の送信をしないでください。',
      en: 'Do not pay, reply or send personal details.',
    },
  },
  suspicious: {
    title: { ja: '注意：不審な点があるメッセージです', en: 'Caution: this message looks suspicious' },
    sub: {
      ja: '本物かどうか、公式サイトやアプリから確かめてください。',
      en: 'Check it through the official site or app before you act on it.',
    },
  },
  spam: {
    title: { ja: '迷惑メールの可能性があります', en: 'This looks like spam' },
    sub: {
      ja: '詐欺の決め手はありませんが、不要な広告の特徴があります。',
      en: 'No sign of fraud, but it has the marks of unwanted advertising.',
    },
  },
  'no-threat-found': {
    title: { ja: '危険な兆候は見つかりませんでした', en: 'No threat found' },
    sub: {
      ja: '安全の保証ではありません。IDやカード番号を求められたら公式アプリから確かめてください。',
      en: 'This is not a guarantee. If asked for an ID or card number, check in the official app.',
    },
  },
};

export function verdictTitle(v: Verdict): string {
  return pick(VERDICT[v].title);
}

export function verdictSub(v: Verdict): string {
  return pick(VERDICT[v].sub);
}

const VERDICT_SHORT: Record<Verdict, Text> = {
  phishing: { ja: 'フィッシング', en: 'Phishing' },
  scam: { ja: '詐欺', en: 'Scam' },
  suspicious: { ja: '不審', en: 'Suspicious' },
  spam: { ja: '迷惑メール', en: 'Spam' },
  'no-threat-found': { ja: '問題なし', en: 'No threat' },
};

export function verdictShort(v: Verdict): string {
  return pick(VERDICT_SHORT[v]);
}

export const VERDICTS: Verdict[] = ['phishing', 'scam', 'suspicious', 'spam', 'no-threat-found'];

export function kindName(k: 'email' | 'text' | 'url'): string {
  return t(k === 'email' ? 'kindEmail' : k === 'url' ? 'kindUrl' : 'kindText');
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(current === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
