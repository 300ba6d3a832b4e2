import { eml, ruleTester } from '../../testing.js';
import rule from './image-only.js';

const html = (inner: string) =>
  eml({ from: 'Shop <info@example.jp>', subject: 'x', html: `<html><body>${inner}</body></html>` });

ruleTester(rule, {
  valid: [
    {
      name: 'a background picture behind a text newsletter',
      email: html(
        '<table style="background-image: url(https://x.example/bg.png)"><tr><td>Our autumn newsletter: three new recipes, a reader letter and the dates of the next market days in town.</td></tr></table><a href="https://x.example/more">More</a>',
      ),
    },
    {
      name: 'images with text',
      email: html(
        '<img src="https://example.jp/a.png"><p>今月のお知らせです。新しい商品が入荷しました。ぜひご覧ください。営業時間は10時から19時です。</p><a href="https://example.jp/">見る</a>',
      ),
    },
    { name: 'text only', email: html('<p>Hi</p>') },
    { name: 'an image without a link', email: html('<img src="cid:x">') },
  ],
  invalid: [
    {
      name: 'a linked box painted with a CSS background picture',
      email: html(
        '<a href="https://x.example/go"><div style="width:575px;height:621px;background: url(\'https://x.example/offer.png\') no-repeat;text-indent:-9999px"> </div></a>',
      ),
      evidence: '1 image',
    },
    {
      name: 'a linked picture and nothing else',
      email: html('<a href="https://evil.example/login"><img src="https://evil.example/banner.png"></a>'),
      evidence: 'evil.example/login',
    },
    {
      name: 'several images and a two-word button',
      email: html(
        '<img src="https://x.example/1.png"><img src="https://x.example/2.png"><a href="https://x.example/go">Click here</a>',
      ),
      evidence: '2 images',
    },
  ],
});
