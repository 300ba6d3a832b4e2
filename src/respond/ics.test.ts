import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeText, foldLine, planToIcs } from './ics.js';
import { buildPlan } from './plan.js';

interface Component {
  name: string;
  props: { name: string; params: string; value: string }[];
  children: Component[];
}

/** A strict reader of what planToIcs writes: CRLF lines ≤ 75 octets, unfolding, BEGIN/END nesting, TEXT unescaping. */
function parseIcs(text: string): Component {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const l of physical) {
    assert.ok(
      new TextEncoder().encode(l).length <= 75,
      `line of ${new TextEncoder().encode(l).length} octets`,
    );
    assert.ok(!l.includes('\n') && !l.includes('\r'), 'no bare line breaks');
  }
  const logical: string[] = [];
  for (const l of physical) {
    if (l.startsWith(' ') || l.startsWith('\t')) logical[logical.length - 1] += l.slice(1);
    else logical.push(l);
  }
  const root: Component = { name: '', props: [], children: [] };
  const stack = [root];
  for (const line of logical) {
    const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    assert.ok(m, `content line: ${line}`);
    const [, name = '', params = '', value = ''] = m;
    const top = stack[stack.length - 1] as Component;
    if (name === 'BEGIN') {
      const c: Component = { name: value, props: [], children: [] };
      top.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      assert.equal(top.name, value, 'END matches BEGIN');
      stack.pop();
    } else top.props.push({ name, params, value });
  }
  assert.equal(stack.length, 1, 'all components closed');
  assert.equal(root.children.length, 1);
  return root.children[0] as Component;
}

const unescapeText = (v: string) =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
const prop = (c: Component, name: string) => c.props.find((p) => p.name === name)?.value;

describe('iCalendar export', () => {
  const plan = buildPlan({
    brand: 'amazon',
    channel: 'mail',
    happened: ['card-entered', 'password-entered'],
    when: '2026-05-08T10:00+09:00',
    cards: [],
  });
  const ics = planToIcs(plan, { lang: 'ja', id: 'case-7', now: new Date('2026-05-08T02:00:00Z') });

  it('parses back as one VCALENDAR with the required properties', () => {
    const cal = parseIcs(ics);
    assert.equal(cal.name, 'VCALENDAR');
    assert.equal(prop(cal, 'VERSION'), '2.0');
    assert.ok(prop(cal, 'PRODID'));
  });

  it('one event with an alarm per deadline, at the right UTC time, with unique UIDs', () => {
    const cal = parseIcs(ics);
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    const withDeadline = plan.steps.filter((s) => s.deadline);
    assert.equal(events.length, withDeadline.length);
    const uids = events.map((e) => prop(e, 'UID'));
    assert.equal(new Set(uids).size, uids.length);
    for (const e of events) {
      assert.match(prop(e, 'DTSTAMP') ?? '', /^20260508T020000Z$/);
      assert.match(prop(e, 'DTSTART') ?? '', /^\d{8}T\d{6}Z$/);
      const alarm = e.children.find((c) => c.name === 'VALARM');
      assert.ok(alarm, 'has an alarm');
      assert.equal(prop(alarm, 'ACTION'), 'DISPLAY');
      assert.ok(prop(alarm, 'DESCRIPTION'));
      assert.match(prop(alarm, 'TRIGGER') ?? '', /^-?P/);
    }
    const pw = events.find((e) => prop(e, 'UID') === 'case-7-amazon.new-password@sagicheck');
    assert.ok(pw);
    assert.equal(prop(pw, 'DTSTART'), '20260508T060000Z', '10:00 JST + 5 h = 06:00 UTC');
    assert.ok(unescapeText(prop(pw, 'SUMMARY') ?? '').includes('新しいパスワード'));
    const dispute = events.find((e) => prop(e, 'UID') === 'case-7-generic-card.dispute@sagicheck');
    assert.equal(prop(dispute as never, 'DTSTART'), '20260707T010000Z');
  });

  it('descriptions survive escaping and folding: commas, semicolons, line breaks and Japanese text', () => {
    const cal = parseIcs(ics);
    const stop = cal.children.find((e) => prop(e, 'UID') === 'case-7-generic-card.stop-card@sagicheck');
    assert.ok(stop);
    const desc = unescapeText(prop(stop, 'DESCRIPTION') ?? '');
    const s = plan.steps.find((x) => x.id === 'generic-card.stop-card');
    assert.ok(s);
    assert.ok(desc.includes(s.why.ja), 'why, whole');
    assert.ok(desc.includes(`- ${s.how[0]?.ja}`), 'first instruction, whole');
    assert.ok(desc.includes('\n'));
  });

  it('leaves out done steps', () => {
    const done = new Set(['amazon.new-password']);
    const cal = parseIcs(planToIcs(plan, { lang: 'en', id: 'c', done }));
    assert.ok(!cal.children.some((e) => prop(e, 'UID') === 'c-amazon.new-password@sagicheck'));
  });

  it('escapes TEXT and folds at 75 octets without splitting a character', () => {
    assert.equal(escapeText('a,b;c\\d\ne'), 'a\\,b\\;c\\\\d\\ne');
    const long = `DESCRIPTION:${'あ'.repeat(60)}`;
    const folded = foldLine(long);
    for (const l of folded.split('\r\n')) assert.ok(new TextEncoder().encode(l).length <= 75);
    assert.equal(
      folded
        .split('\r\n')
        .map((l, i) => (i ? l.slice(1) : l))
        .join(''),
      long,
    );
    assert.ok(!folded.includes('\uFFFD'));
  });
});
