import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { digestHtml } from './html.js';

describe('digestHtml active content', () => {
  it('notes scripts, event handlers, script URLs, meta refresh and embedded frames once each', () => {
    const d = digestHtml(
      '<html><head><meta http-equiv="Refresh" content="0; url=https://x.example/"><script>a()</script></head>' +
        '<body onload="go()"><img src="x.png" onerror="f()"><a href=" javascript:run()">open</a>' +
        '<iframe src="https://x.example/"></iframe><svg><script>b()</script></svg><script src="https://x.example/a.js"></script>' +
        '<p oneworld="1">not a handler</p></body></html>',
    );
    assert.deepEqual(d.activeContent.sort(), [
      '<iframe>',
      '<meta http-equiv="refresh">',
      '<script src>',
      '<script>',
      'href="javascript:"',
      'onerror=',
      'onload=',
    ]);
    assert.ok(!d.text.includes('a()'));
  });

  it('finds none in ordinary newsletter HTML', () => {
    const d = digestHtml(
      '<table><tr><td><a href="https://news.example/">Read online</a> <img src="logo.png" alt="Logo">' +
        '<p style="color:red">Hello, one offer only</p><a href="mailto:x@example.org">Contact</a></td></tr></table>',
    );
    assert.deepEqual(d.activeContent, []);
  });
});
