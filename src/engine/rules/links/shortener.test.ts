import { eml, ruleTester } from '../../testing.js';
import rule from './shortener.js';

ruleTester(rule, {
  valid: [
    { name: 'a full link', url: 'https://www.example.com/campaign' },
    { name: 'a host that merely ends like a shortener', url: 'https://www.habit.ly.example.com/' },
    { name: 'a look-alike host name', url: 'https://notbit.ly/abc' },
  ],
  invalid: [
    {
      name: 'a bare shortened URL: nothing else to judge',
      url: 'https://bit.ly/3xYzAbc',
      evidence: 'bit.ly',
      weight: 30,
    },
    {
      name: 'a shortener in an e-mail without a brand claim (weak there)',
      email: eml({ from: 'a <a@example.jp>', subject: 'photos', text: 'see https://tinyurl.com/abcd12' }),
      evidence: 'tinyurl.com',
      weight: 8,
    },
    {
      name: 'a brand mail with a shortener',
      email: eml({
        from: 'Amazon <info@example.top>',
        subject: 'Amazon アカウントの確認',
        text: '確認はこちら https://tinyurl.com/abcd12',
      }),
      evidence: 'tinyurl.com',
    },
  ],
});
